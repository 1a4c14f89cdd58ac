-- The gateway's fingerprint of a card number (same number, same fingerprint, whoever saves it), for fraud scoring's
-- "customers per card": OrderPlaced carries it (PaymentMethodRef.fingerprint), never the number. NULL for methods
-- saved before and for cards the gateway gives no fingerprint (PaymentMethod.cardFingerprint() then uses the id).
ALTER TABLE payment_method ADD COLUMN fingerprint VARCHAR(64) NULL;
