SELECT
  "t8"."sei_top",
  "t8"."_values" AS "values",
  CAST("t8"."_top" AS DOUBLE) / CAST("t8"."_sum" AS DOUBLE) AS "cr4",
  (
    CAST("t8"."_squares" AS DOUBLE) / (
      CAST("t8"."_sum" AS DOUBLE) * CAST("t8"."_sum" AS DOUBLE)
    )
  ) * 10000 AS "hhi"
FROM (
  SELECT
    "t7"."sei_top",
    SUM("t7"."_m") AS "_values",
    SUM("t7"."_m" * "t7"."count") AS "_sum",
    SUM("t7"."_m" * "t7"."count" * "t7"."count") AS "_squares",
    SUM(GREATEST(LEAST(4 - "t7"."_before", "t7"."_m"), 0) * "t7"."count") AS "_top"
  FROM (
    SELECT
      "t6"."sei_top",
      "t6"."count",
      "t6"."_m",
      SUM("t6"."_m") OVER (
        PARTITION BY "t6"."sei_top"
        ORDER BY "t6"."count" DESC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) - "t6"."_m" AS "_before"
    FROM (
      SELECT
        "t5"."sei_top",
        "t5"."count",
        COUNT(*) AS "_m"
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
              "t2"."akey",
              "t2"."sei_top",
              UNNEST(
                CASE
                  WHEN ARRAY_LENGTH("t2"."applicant") > 0
                  THEN "t2"."applicant"
                  ELSE [CAST(NULL AS TEXT)]
                END
              ) AS "applicant"
            FROM (
              SELECT
                "t1"."akey",
                UNNEST(
                  CASE
                    WHEN ARRAY_LENGTH("t1"."sei_top") > 0
                    THEN "t1"."sei_top"
                    ELSE [CAST(NULL AS TEXT)]
                  END
                ) AS "sei_top",
                "t1"."applicant"
              FROM (
                SELECT
                  "t0"."akey",
                  "t0"."sei_top",
                  "t0"."applicant_set" AS "applicant"
                FROM "_seip_applications" AS "t0"
              ) AS "t1"
            ) AS "t2"
          ) AS "t3"
          WHERE
            "t3"."applicant" IS NOT NULL
        ) AS "t4"
        GROUP BY
          1,
          2
      ) AS "t5"
      GROUP BY
        1,
        2
    ) AS "t6"
  ) AS "t7"
  GROUP BY
    1
) AS "t8"
