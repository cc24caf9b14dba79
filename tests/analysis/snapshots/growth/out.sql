WITH "t3" AS (
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
)
SELECT
  "t18"."province",
  "t18"."first_year",
  "t18"."last_year",
  "t18"."first_count",
  "t18"."last_count",
  CASE
    WHEN (
      "t18"."first_count" > 0
    )
    AND (
      CAST("t18"."last_year" - "t18"."first_year" AS DOUBLE) > 0
    )
    THEN (
      POWER(
        (
          CAST("t18"."last_count" AS DOUBLE) / CAST("t18"."first_count" AS DOUBLE)
        ),
        (
          1 / CAST("t18"."last_year" - "t18"."first_year" AS DOUBLE)
        )
      )
    ) - 1
    ELSE NULL
  END AS "cagr"
FROM (
  SELECT
    "t17"."province",
    MIN("t17"."first_year") AS "first_year",
    MAX("t17"."last_year") AS "last_year",
    COALESCE(SUM("t17"."count") FILTER(WHERE
      "t17"."year" = "t17"."first_year"), 0) AS "first_count",
    COALESCE(SUM("t17"."count") FILTER(WHERE
      "t17"."year" = "t17"."last_year"), 0) AS "last_count"
  FROM (
    SELECT
      "t16"."province",
      "t16"."year",
      "t16"."count",
      "t16"."share",
      "t16"."rank",
      "t16"."yoy",
      2010 AS "first_year",
      2020 AS "last_year"
    FROM (
      SELECT
        "t15".*
        EXCLUDE ("_total")
      FROM (
        SELECT
          "t14"."province",
          "t14"."year",
          "t14"."count",
          "t14"."_total",
          "t14"."share",
          "t14"."rank",
          CASE
            WHEN LAG("t14"."year") OVER (
              PARTITION BY "t14"."province"
              ORDER BY "t14"."year" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) = (
              "t14"."year" - 1
            )
            THEN (
              "t14"."count" / LAG("t14"."count") OVER (
                PARTITION BY "t14"."province"
                ORDER BY "t14"."year" ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              )
            ) - 1
            ELSE NULL
          END AS "yoy"
        FROM (
          SELECT
            "t13"."province",
            "t13"."year",
            "t13"."count",
            "t13"."_total",
            "t13"."count" / "t13"."_total" AS "share",
            CASE WHEN "t13"."year" IS NULL THEN NULL ELSE "t13"."_rank" END AS "rank"
          FROM (
            SELECT
              "t7"."province",
              "t7"."year",
              "t7"."count",
              "t6"."_total",
              "t12"."_rank"
            FROM "t3" AS "t7"
            LEFT OUTER JOIN (
              SELECT
                "t10"."province" AS "_g0",
                "t10"."count" AS "_c",
                "t10"."_before" + 1 AS "_rank"
              FROM (
                SELECT
                  "t9"."province",
                  "t9"."count",
                  "t9"."_m",
                  SUM("t9"."_m") OVER (
                    PARTITION BY "t9"."province"
                    ORDER BY "t9"."count" DESC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) - "t9"."_m" AS "_before"
                FROM (
                  SELECT
                    "t8"."province",
                    "t8"."count",
                    COUNT(*) AS "_m"
                  FROM (
                    SELECT
                      *
                    FROM "t3" AS "t5"
                    WHERE
                      "t5"."year" IS NOT NULL
                  ) AS "t8"
                  GROUP BY
                    1,
                    2
                ) AS "t9"
              ) AS "t10"
            ) AS "t12"
              ON "t7"."province" IS NOT DISTINCT FROM "t12"."_g0" AND "t7"."count" = "t12"."_c"
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
              ON "t7"."province" IS NOT DISTINCT FROM "t6"."province"
          ) AS "t13"
        ) AS "t14"
      ) AS "t15"
    ) AS "t16"
  ) AS "t17"
  GROUP BY
    1
) AS "t18"
