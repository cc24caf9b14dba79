WITH "t3" AS (
  SELECT
    "t1"."year",
    "t1"."province",
    COUNT(*) AS "count"
  FROM (
    SELECT
      "t0"."akey",
      CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year",
      "t0"."province"
    FROM "_seip_applications" AS "t0"
  ) AS "t1"
  GROUP BY
    1,
    2
)
SELECT
  "t15".*
  EXCLUDE ("_total")
FROM (
  SELECT
    "t14"."year",
    "t14"."province",
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
      "t13"."year",
      "t13"."province",
      "t13"."count",
      "t13"."_total",
      "t13"."count" / "t13"."_total" AS "share",
      CASE WHEN "t13"."province" IS NULL THEN NULL ELSE "t13"."_rank" END AS "rank"
    FROM (
      SELECT
        "t7"."year",
        "t7"."province",
        "t7"."count",
        "t6"."_total",
        "t12"."_rank"
      FROM "t3" AS "t7"
      LEFT OUTER JOIN (
        SELECT
          "t10"."year" AS "_g0",
          "t10"."count" AS "_c",
          "t10"."_before" + 1 AS "_rank"
        FROM (
          SELECT
            "t9"."year",
            "t9"."count",
            "t9"."_m",
            SUM("t9"."_m") OVER (
              PARTITION BY "t9"."year"
              ORDER BY "t9"."count" DESC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) - "t9"."_m" AS "_before"
          FROM (
            SELECT
              "t8"."year",
              "t8"."count",
              COUNT(*) AS "_m"
            FROM (
              SELECT
                *
              FROM "t3" AS "t5"
              WHERE
                "t5"."province" IS NOT NULL
            ) AS "t8"
            GROUP BY
              1,
              2
          ) AS "t9"
        ) AS "t10"
      ) AS "t12"
        ON "t7"."year" IS NOT DISTINCT FROM "t12"."_g0" AND "t7"."count" = "t12"."_c"
      INNER JOIN (
        SELECT
          "t2"."year",
          COUNT(*) AS "_total"
        FROM (
          SELECT
            "t0"."akey",
            CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year"
          FROM "_seip_applications" AS "t0"
        ) AS "t2"
        GROUP BY
          1
      ) AS "t6"
        ON "t7"."year" IS NOT DISTINCT FROM "t6"."year"
    ) AS "t13"
  ) AS "t14"
) AS "t15"
