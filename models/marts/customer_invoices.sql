-- A downstream model on the masked tables: what a test environment builds for its own use.
-- It reads the masked models (ref), never the sources; the lineage audit proves it before the
-- build is published.
select
    c.customer_id,
    c.first_name || ' ' || c.last_name as customer_name,
    c.country,
    count(i.invoice_id) as invoices,
    sum(i.total) as total_spent
from {{ ref('chinook__customer') }} as c
left join {{ ref('chinook__invoice') }} as i on i.customer_id = c.customer_id
group by 1, 2, 3
