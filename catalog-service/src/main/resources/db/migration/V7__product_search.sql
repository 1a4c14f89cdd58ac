-- Full-text product search: an InnoDB FULLTEXT index, same syntax and behaviour on MySQL 8.4 and MariaDB 11.4
-- (both: innodb_ft_min_token_size 3, InnoDB's default stopword list). Queried in BOOLEAN MODE with every word
-- required and matched as a prefix; see ProductSearch.
CREATE FULLTEXT INDEX ft_product_text ON product (name, brand, description);

-- Price range filters and price sorting within a status.
CREATE INDEX ix_product_status_price ON product (status, price);
