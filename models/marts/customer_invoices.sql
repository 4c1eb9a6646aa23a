-- A downstream model on the masked tables: what a test environment builds for its own use.
-- It reads the masked models (ref), never the sources; the lineage audit proves it before the
-- build is published. It does not join the fake first and last names into a full name: two
-- fakes side by side can by chance spell a real customer's full name, which the masked models
-- rule out per column (us_avoid) but a derived column would not.
select
    c.customer_id,
    c.country,
    count(i.invoice_id) as invoices,
    sum(i.total) as total_spent
from {{ ref('chinook__customer') }} as c
left join {{ ref('chinook__invoice') }} as i on i.customer_id = c.customer_id
group by 1, 2
