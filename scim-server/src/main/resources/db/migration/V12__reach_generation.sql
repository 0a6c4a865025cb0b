-- One counter, incremented in the same transaction as every change that can narrow what a token
-- reaches (auth.ReachGeneration). A node that resolved a token's reach along with the counter may
-- rely on it while the counter it reads with each request is unchanged: revocation still holds
-- from the next request on every node, without re-resolving the reach on every request.
CREATE TABLE reach_generation (
  id          INT    NOT NULL PRIMARY KEY,
  generation  BIGINT NOT NULL
) ${table_options};

INSERT INTO reach_generation (id, generation) VALUES (1, 0);
