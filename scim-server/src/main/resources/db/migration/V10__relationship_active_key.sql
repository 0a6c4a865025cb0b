-- At most one active delegated-admin relationship per reseller and tenant, enforced by the
-- database so that two concurrent accepts of one offer cannot both win (the loser gets 409
-- uniqueness). active_key is reseller_id:tenant_id while the relationship is active and NULL once
-- it is terminated or recorded as expired; unique indexes ignore NULLs on H2 and MariaDB alike.
ALTER TABLE delegated_admin_relationship ADD COLUMN active_key VARCHAR(80);

-- Existing active rows: the newest per pair takes the key (older duplicates, if a race ever left
-- any, keep their status and are still found by the service's check, but never block the index).
UPDATE delegated_admin_relationship SET active_key = CONCAT(reseller_id, ':', tenant_id)
 WHERE status = 'active'
   AND id IN (SELECT newest FROM (SELECT MAX(id) AS newest FROM delegated_admin_relationship
                                   WHERE status = 'active'
                                   GROUP BY reseller_id, tenant_id) AS latest);

CREATE UNIQUE INDEX uq_rel_active ON delegated_admin_relationship (active_key);
