SELECT
  "t9".*
  EXCLUDE ("_total")
FROM (
  SELECT
    "t8"."year",
    "t8"."province",
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
      "t7"."year",
      "t7"."province",
      "t7"."count",
      "t7"."_total",
      "t7"."count" / "t7"."_total" AS "share",
      CASE
        WHEN "t7"."province" IS NULL
        THEN NULL
        ELSE (
          RANK() OVER (
            PARTITION BY "t7"."year", "t7"."province" IS NULL
            ORDER BY "t7"."count" DESC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1
        ) + 1
      END AS "rank"
    FROM (
      SELECT
        "t5"."year",
        "t5"."province",
        "t5"."count",
        "t6"."_total"
      FROM (
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
      ) AS "t5"
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
        ON "t5"."year" IS NOT DISTINCT FROM "t6"."year"
    ) AS "t7"
  ) AS "t8"
) AS "t9"
