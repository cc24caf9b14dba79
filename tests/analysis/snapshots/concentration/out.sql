SELECT
  "t6"."sei_top",
  COUNT(*) AS "values",
  CAST(SUM("t6"."count") FILTER(WHERE
    "t6"."_pos" < 4) AS DOUBLE) / CAST(SUM("t6"."count") AS DOUBLE) AS "cr4",
  (
    CAST(SUM("t6"."count" * "t6"."count") AS DOUBLE) / (
      CAST(SUM("t6"."count") AS DOUBLE) * CAST(SUM("t6"."count") AS DOUBLE)
    )
  ) * 10000 AS "hhi"
FROM (
  SELECT
    "t5"."sei_top",
    "t5"."applicant",
    "t5"."count",
    ROW_NUMBER() OVER (
      PARTITION BY "t5"."sei_top"
      ORDER BY "t5"."count" DESC, "t5"."applicant" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "_pos"
  FROM (
    SELECT
      "t4"."sei_top",
      "t4"."applicant",
      COUNT(*) AS "count"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t2".*
          REPLACE ("ibis_table_unnest_column_0" AS "applicant")
        FROM (
          SELECT
            "t1".*
            REPLACE ("ibis_table_unnest_column_1" AS "sei_top")
          FROM (
            SELECT
              "t0"."akey",
              CASE
                WHEN ARRAY_LENGTH("t0"."sei_top") > 0
                THEN "t0"."sei_top"
                ELSE [CAST(NULL AS TEXT)]
              END AS "sei_top",
              CASE
                WHEN ARRAY_LENGTH("t0"."applicant_set") > 0
                THEN "t0"."applicant_set"
                ELSE [CAST(NULL AS TEXT)]
              END AS "applicant"
            FROM "_seip_applications" AS "t0"
          ) AS "t1"
          CROSS JOIN UNNEST("t1"."sei_top") AS "ibis_table_unnest_2"("ibis_table_unnest_column_1")
        ) AS "t2"
        CROSS JOIN UNNEST("t2"."applicant") AS "ibis_table_unnest_3"("ibis_table_unnest_column_0")
      ) AS "t3"
      WHERE
        "t3"."applicant" IS NOT NULL
    ) AS "t4"
    GROUP BY
      1,
      2
  ) AS "t5"
) AS "t6"
GROUP BY
  1
