WITH "t1" AS (
  SELECT
    *
  FROM "_seip_applications" AS "t0"
  WHERE
    COALESCE(ARRAY_CONTAINS("t0"."sei_codes", '1.5'), FALSE)
), "t6" AS (
  SELECT
    "t2"."year",
    COUNT(*) AS "applications",
    COUNT(*) FILTER(WHERE
      "t2"."patent_type" = 'invention') AS "a",
    COUNT(*) FILTER(WHERE
      "t2"."patent_type" = 'utility_model') AS "b",
    COUNT(*) FILTER(WHERE
      "t2"."patent_type" = 'design') AS "designs"
  FROM (
    SELECT
      "t0"."akey",
      "t0"."app_date",
      "t0"."pub_date",
      "t0"."priority_date",
      "t0"."grant_date",
      "t0"."documents",
      "t0"."pub_number",
      "t0"."pub_country",
      "t0"."patent_type",
      "t0"."legal_status",
      "t0"."is_valid",
      "t0"."applicant_country",
      "t0"."province",
      "t0"."city",
      "t0"."applicants_std",
      "t0"."applicant_types",
      "t0"."sei_codes",
      "t0"."sei_top",
      "t0"."family_id",
      "t0"."family_countries",
      "t0"."ipc4",
      "t0"."applicant_set",
      "t0"."applicant_type_set",
      "t0"."has_sei",
      "t0"."coop_pairs",
      "t0"."family",
      "t0"."abroad",
      "t0"."family_abroad",
      "t0"."family_first",
      "t0"."family_lead",
      "t0"."end_event",
      "t0"."status_end",
      "t0"."term_end",
      CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year"
    FROM "_seip_applications" AS "t0"
    WHERE
      COALESCE(ARRAY_CONTAINS("t0"."sei_codes", '1.5'), FALSE)
      AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) IS NOT NULL
  ) AS "t2"
  GROUP BY
    1
), "t14" AS (
  SELECT
    "t8"."akey",
    "t8"."pub_number",
    "t8"."reason",
    "t8"."end_date",
    "t8"."end_basis",
    "t8"."ended_after"
  FROM (
    SELECT
      "t0"."akey",
      "t0"."pub_number",
      "t0"."legal_status" AS "reason",
      CASE
        WHEN "t0"."status_end" IS NOT NULL
        THEN "t0"."status_end"
        WHEN (
          "t0"."legal_status" = 'expired'
        )
        AND (
          "t0"."term_end" IS NOT NULL
        )
        AND (
          "t0"."term_end" <= MAKE_DATE(2023, 5, 26)
        )
        THEN "t0"."term_end"
        ELSE CAST(NULL AS DATE)
      END AS "end_date",
      CASE
        WHEN "t0"."status_end" IS NOT NULL
        THEN 'event'
        WHEN (
          "t0"."legal_status" = 'expired'
        )
        AND (
          "t0"."term_end" IS NOT NULL
        )
        AND (
          "t0"."term_end" <= MAKE_DATE(2023, 5, 26)
        )
        THEN 'term'
        ELSE 'unknown'
      END AS "end_basis",
      CASE
        WHEN CASE
          WHEN "t0"."status_end" IS NOT NULL
          THEN "t0"."status_end"
          WHEN (
            "t0"."legal_status" = 'expired'
          )
          AND (
            "t0"."term_end" IS NOT NULL
          )
          AND (
            "t0"."term_end" <= MAKE_DATE(2023, 5, 26)
          )
          THEN "t0"."term_end"
          ELSE CAST(NULL AS DATE)
        END IS NULL
        THEN CASE
          WHEN "t0"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
          AND (
            "t0"."grant_date" IS NOT NULL
          )
          THEN "t0"."grant_date"
          ELSE "t0"."pub_date"
        END
        ELSE CAST(NULL AS DATE)
      END AS "ended_after"
    FROM "_seip_applications" AS "t0"
    WHERE
      "t0"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected')
      AND COALESCE("t0"."pub_country", '') <> 'WO'
      AND "t0"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
  ) AS "t8"
  SEMI JOIN "t1" AS "t4"
    ON "t8"."akey" = "t4"."akey"
)
SELECT
  *
FROM (
  SELECT
    "t26"."year",
    "t26"."applications",
    "t26"."a",
    "t26"."b",
    "t26"."designs",
    "t26"."applicants",
    "t26"."c",
    "t26"."a_5y",
    "t26"."v",
    "t26"."alpha",
    "t26"."beta",
    "t26"."complete",
    "t21"."ended_undated"
  FROM (
    SELECT
      "t24"."year",
      "t24"."applications",
      "t24"."a",
      "t24"."b",
      "t24"."designs",
      "t24"."applicants",
      "t24"."c",
      SUM("t24"."a") OVER (ORDER BY "t24"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW) AS "a_5y",
      CASE
        WHEN SUM("t24"."a") OVER (ORDER BY "t24"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              "t24"."a" / SUM("t24"."a") OVER (ORDER BY "t24"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW)
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "v",
      CASE
        WHEN (
          "t24"."a" + "t24"."b"
        ) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              "t24"."a" / (
                "t24"."a" + "t24"."b"
              )
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "alpha",
      CASE
        WHEN (
          "t24"."a" + "t24"."b" + "t24"."c"
        ) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              (
                "t24"."a" + "t24"."b"
              ) / (
                "t24"."a" + "t24"."b" + "t24"."c"
              )
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "beta",
      "t24"."year" <= 2020 AS "complete"
    FROM (
      SELECT
        "t18"."year",
        COALESCE("t10"."applications", 0) AS "applications",
        COALESCE("t10"."a", 0) AS "a",
        COALESCE("t10"."b", 0) AS "b",
        COALESCE("t10"."designs", 0) AS "designs",
        COALESCE("t13"."applicants", 0) AS "applicants",
        COALESCE("t23"."c", 0) AS "c"
      FROM (
        SELECT
          UNNEST(RANGE("t12"."lo", 2024, 1)) AS "year"
        FROM (
          SELECT
            MIN("t9"."year") AS "lo"
          FROM "t6" AS "t9"
        ) AS "t12"
      ) AS "t18"
      LEFT OUTER JOIN "t6" AS "t10"
        ON "t18"."year" = "t10"."year"
      LEFT OUTER JOIN (
        SELECT
          "t7"."year",
          COUNT(DISTINCT "t7"."applicant") AS "applicants"
        FROM (
          SELECT
            CAST(EXTRACT(year FROM "t3"."app_date") AS BIGINT) AS "year",
            UNNEST("t3"."applicants_std") AS "applicant"
          FROM "t1" AS "t3"
        ) AS "t7"
        GROUP BY
          1
      ) AS "t13"
        ON "t18"."year" = "t13"."year"
      LEFT OUTER JOIN (
        SELECT
          "t20"."year",
          COUNT(*) AS "c"
        FROM (
          SELECT
            "t15"."akey",
            "t15"."pub_number",
            "t15"."reason",
            "t15"."end_date",
            "t15"."end_basis",
            "t15"."ended_after",
            CAST(EXTRACT(year FROM "t15"."end_date") AS BIGINT) AS "year"
          FROM "t14" AS "t15"
          WHERE
            CAST(EXTRACT(year FROM "t15"."end_date") AS BIGINT) IS NOT NULL
        ) AS "t20"
        GROUP BY
          1
      ) AS "t23"
        ON "t18"."year" = "t23"."year"
    ) AS "t24"
  ) AS "t26"
  CROSS JOIN (
    SELECT
      COUNT(*) AS "ended_undated"
    FROM (
      SELECT
        *
      FROM "t14" AS "t15"
      WHERE
        "t15"."end_date" IS NULL
    ) AS "t17"
  ) AS "t21"
) AS "t27"
ORDER BY
  "t27"."year" ASC
