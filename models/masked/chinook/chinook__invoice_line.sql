{{ understudy_mask('chinook', 'invoice_line') }}
