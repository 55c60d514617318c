-- A MariaDB dataset comparable to ../shared/bench/appdb.sql: mixed types (text, JSON, timestamps,
-- decimals, blobs), several indexes, ~500 MB on disk. Needs MariaDB's sequence engine (seq_1_to_N).
CREATE TABLE customers (
  id BIGINT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(100) NOT NULL,
  country CHAR(2),
  created_at TIMESTAMP NOT NULL,
  profile JSON
) CHARACTER SET utf8mb4;
INSERT INTO customers
SELECT seq,
  CONCAT(ELT(1 + FLOOR(RAND(seq) * 10), 'Alice','Bob','Carol','Dave','Eve','Frank','Grace','Heidi','Ivan','Judy'), ' ',
         ELT(1 + FLOOR(RAND(seq + 1) * 10), 'Smith','Jones','Garcia','Miller','Davis','Lopez','Wilson','Taylor','Moore','Lee')),
  CONCAT('user', seq, '@', ELT(1 + FLOOR(RAND(seq + 2) * 4), 'example.com','mail.test','corp.example','foo.org')),
  ELT(1 + FLOOR(RAND(seq + 3) * 5), 'US','DE','FR','GB','JP'),
  TIMESTAMP('2025-01-01') - INTERVAL FLOOR(RAND(seq + 4) * 150000000) SECOND,
  JSON_OBJECT('age', 18 + FLOOR(RAND(seq + 5) * 60), 'newsletter', RAND(seq + 6) < 0.3,
     'tags', JSON_ARRAY(CONCAT('t', FLOOR(RAND(seq + 7) * 100)), CONCAT('t', FLOOR(RAND(seq + 8) * 100))),
     'address', JSON_OBJECT('street', CONCAT(FLOOR(RAND(seq + 9) * 9999), ' Main St'), 'zip', LPAD(FLOOR(RAND(seq) * 99999), 5, '0')),
     'score', ROUND(RAND(seq + 10) * 1000, 2))
FROM seq_1_to_160000;
CREATE UNIQUE INDEX customers_email_idx ON customers(email);

CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  status VARCHAR(20) NOT NULL,
  total DECIMAL(12,2),
  currency CHAR(3),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NULL,
  items JSON,
  note TEXT
) CHARACTER SET utf8mb4;
INSERT INTO orders
SELECT seq, 1 + FLOOR(RAND(seq) * 160000),
  ELT(1 + FLOOR(RAND(seq + 1) * 6), 'new','paid','shipped','delivered','cancelled','refunded'),
  ROUND(RAND(seq + 2) * 500, 2), 'USD',
  TIMESTAMP('2025-01-01') - INTERVAL FLOOR(RAND(seq + 3) * 90000000) SECOND,
  TIMESTAMP('2025-01-01') - INTERVAL FLOOR(RAND(seq + 4) * 80000000) SECOND,
  JSON_ARRAY(JSON_OBJECT('sku', CONCAT('SKU-', FLOOR(RAND(seq + 5) * 10000)), 'qty', 1 + FLOOR(RAND(seq + 6) * 5), 'price', ROUND(RAND(seq + 7) * 100, 2)),
             JSON_OBJECT('sku', CONCAT('SKU-', FLOOR(RAND(seq + 8) * 10000)), 'qty', 1 + FLOOR(RAND(seq + 9) * 5), 'price', ROUND(RAND(seq + 10) * 100, 2))),
  IF(RAND(seq + 11) < 0.3, CONCAT('Please ', ELT(1 + FLOOR(RAND(seq + 12) * 3), 'deliver to back door','call before delivery','gift wrap')), NULL)
FROM seq_1_to_650000;
CREATE INDEX orders_customer_idx ON orders(customer_id);
CREATE INDEX orders_created_idx ON orders(created_at);

CREATE TABLE events (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  at TIMESTAMP(6) NOT NULL,
  payload JSON
) CHARACTER SET utf8mb4;
INSERT INTO events (customer_id, kind, at, payload)
SELECT 1 + FLOOR(RAND(seq) * 160000), ELT(1 + FLOOR(RAND(seq + 1) * 5), 'login','view','click','purchase','logout'),
  TIMESTAMP('2025-01-01') - INTERVAL FLOOR(RAND(seq + 2) * 90000000) SECOND,
  JSON_OBJECT('ip', CONCAT(FLOOR(RAND(seq + 3) * 255), '.', FLOOR(RAND(seq + 4) * 255), '.', FLOOR(RAND(seq + 5) * 255), '.1'),
              'ua', ELT(1 + FLOOR(RAND(seq + 6) * 3), 'Mozilla/5.0 (X11; Linux x86_64)', 'Mozilla/5.0 (Macintosh)', 'curl/8.5'),
              'ms', FLOOR(RAND(seq + 7) * 5000))
FROM seq_1_to_1200000;
CREATE INDEX events_customer_idx ON events(customer_id);

CREATE TABLE attachments (
  id BIGINT PRIMARY KEY,
  order_id BIGINT NOT NULL,
  name VARCHAR(100),
  data MEDIUMBLOB
);
INSERT INTO attachments SELECT seq, seq * 7, CONCAT('scan-', seq, '.bin'), RANDOM_BYTES(1024) FROM seq_1_to_40000;
