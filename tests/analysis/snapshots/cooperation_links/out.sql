SELECT
  "t3"."enterprise",
  "t3"."partner",
  "t3"."partner_type",
  COUNT(*) AS "count"
FROM (
  SELECT
    "t2"."coop_pairs"."enterprise" AS "enterprise",
    "t2"."coop_pairs"."partner" AS "partner",
    "t2"."coop_pairs"."partner_type" AS "partner_type"
  FROM (
    SELECT
      "t1".*
      REPLACE ("ibis_table_unnest_column_0" AS "coop_pairs")
    FROM (
      SELECT
        "t0"."coop_pairs"
      FROM "_seip_applications" AS "t0"
      WHERE
        "t0"."coop_pairs" IS NOT NULL
    ) AS "t1"
    CROSS JOIN UNNEST("t1"."coop_pairs") AS "ibis_table_unnest_1"("ibis_table_unnest_column_0")
  ) AS "t2"
) AS "t3"
GROUP BY
  1,
  2,
  3
