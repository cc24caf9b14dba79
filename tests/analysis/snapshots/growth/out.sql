SELECT
  "t12"."province",
  "t12"."first_year",
  "t12"."last_year",
  "t12"."first_count",
  "t12"."last_count",
  CASE
    WHEN (
      "t12"."first_count" > 0
    )
    AND (
      CAST("t12"."last_year" - "t12"."first_year" AS DOUBLE) > 0
    )
    THEN (
      POWER(
        (
          CAST("t12"."last_count" AS DOUBLE) / CAST("t12"."first_count" AS DOUBLE)
        ),
        (
          1 / CAST("t12"."last_year" - "t12"."first_year" AS DOUBLE)
        )
      )
    ) - 1
    ELSE NULL
  END AS "cagr"
FROM (
  SELECT
    "t11"."province",
    MIN("t11"."first_year") AS "first_year",
    MAX("t11"."last_year") AS "last_year",
    COALESCE(SUM("t11"."count") FILTER(WHERE
      "t11"."year" = "t11"."first_year"), 0) AS "first_count",
    COALESCE(SUM("t11"."count") FILTER(WHERE
      "t11"."year" = "t11"."last_year"), 0) AS "last_count"
  FROM (
    SELECT
      "t10"."province",
      "t10"."year",
      "t10"."count",
      "t10"."share",
      "t10"."rank",
      "t10"."yoy",
      2010 AS "first_year",
      2020 AS "last_year"
    FROM (
      SELECT
        "t9".*
        EXCLUDE ("_total")
      FROM (
        SELECT
          "t8"."province",
          "t8"."year",
          "t8"."count",
          "t8"."_total",
          "t8"."share",
          "t8"."rank",
          CASE
            WHEN LAG("t8"."year") OVER (
              PARTITION BY "t8"."province"
              ORDER BY "t8"."year" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) = (
              "t8"."year" - 1
            )
            THEN (
              "t8"."count" / LAG("t8"."count") OVER (
                PARTITION BY "t8"."province"
                ORDER BY "t8"."year" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              )
            ) - 1
            ELSE NULL
          END AS "yoy"
        FROM (
          SELECT
            "t7"."province",
            "t7"."year",
            "t7"."count",
            "t7"."_total",
            "t7"."count" / "t7"."_total" AS "share",
            CASE
              WHEN "t7"."year" IS NULL
              THEN NULL
              ELSE (
                RANK() OVER (
                  PARTITION BY "t7"."province", "t7"."year" IS NULL
                  ORDER BY "t7"."count" DESC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) - 1
              ) + 1
            END AS "rank"
          FROM (
            SELECT
              "t5"."province",
              "t5"."year",
              "t5"."count",
              "t6"."_total"
            FROM (
              SELECT
                "t1"."province",
                "t1"."year",
                COUNT(*) AS "count"
              FROM (
                SELECT
                  "t0"."akey",
                  "t0"."province",
                  CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year"
                FROM "_seip_applications" AS "t0"
                WHERE
                  CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) IS NOT NULL
                  AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) >= 2010
                  AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) <= 2020
              ) AS "t1"
              GROUP BY
                1,
                2
            ) AS "t5"
            INNER JOIN (
              SELECT
                "t2"."province",
                COUNT(*) AS "_total"
              FROM (
                SELECT
                  "t0"."akey",
                  "t0"."province"
                FROM "_seip_applications" AS "t0"
                WHERE
                  CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) IS NOT NULL
                  AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) >= 2010
                  AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) <= 2020
              ) AS "t2"
              GROUP BY
                1
            ) AS "t6"
              ON "t5"."province" IS NOT DISTINCT FROM "t6"."province"
          ) AS "t7"
        ) AS "t8"
      ) AS "t9"
    ) AS "t10"
  ) AS "t11"
  GROUP BY
    1
) AS "t12"
