WITH "t6" AS (
  SELECT
    *
  FROM "_seip_applications" AS "t0"
  WHERE
    COALESCE(ARRAY_CONTAINS("t0"."sei_codes", '1.5'), FALSE)
), "t14" AS (
  SELECT
    "t9"."year",
    COUNT(*) AS "applications",
    COUNT(*) FILTER(WHERE
      "t9"."patent_type" = 'invention') AS "a",
    COUNT(*) FILTER(WHERE
      "t9"."patent_type" = 'utility_model') AS "b",
    COUNT(*) FILTER(WHERE
      "t9"."patent_type" = 'design') AS "designs"
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
      "t0"."coop_pairs",
      "t0"."family",
      "t0"."abroad",
      "t0"."family_abroad",
      "t0"."family_first",
      "t0"."family_lead",
      CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year"
    FROM "_seip_applications" AS "t0"
    WHERE
      COALESCE(ARRAY_CONTAINS("t0"."sei_codes", '1.5'), FALSE)
      AND CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) IS NOT NULL
  ) AS "t9"
  GROUP BY
    1
), "t28" AS (
  SELECT
    "t27"."akey",
    "t27"."pub_number",
    "t27"."reason",
    "t27"."end_date",
    "t27"."end_basis",
    "t27"."ended_after"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."akey",
        "t10"."pub_number",
        "t10"."legal_status" AS "reason",
        CASE
          WHEN "t20"."event_end" IS NOT NULL
          THEN "t20"."event_end"
          WHEN (
            "t10"."legal_status" = 'expired'
          )
          AND (
            CASE
              WHEN "t10"."patent_type" = 'invention'
              THEN "t10"."app_date" + INTERVAL '20' YEAR
              WHEN "t10"."patent_type" = 'utility_model'
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'US'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t10"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'US'
              )
              THEN "t10"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'CN'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t10"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'CN'
              )
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END IS NOT NULL
          )
          AND (
            CASE
              WHEN "t10"."patent_type" = 'invention'
              THEN "t10"."app_date" + INTERVAL '20' YEAR
              WHEN "t10"."patent_type" = 'utility_model'
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'US'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t10"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'US'
              )
              THEN "t10"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'CN'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t10"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'CN'
              )
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END <= MAKE_DATE(2023, 5, 26)
          )
          THEN CASE
            WHEN "t10"."patent_type" = 'invention'
            THEN "t10"."app_date" + INTERVAL '20' YEAR
            WHEN "t10"."patent_type" = 'utility_model'
            THEN "t10"."app_date" + INTERVAL '10' YEAR
            WHEN (
              "t10"."patent_type" = 'design'
            )
            AND (
              "t10"."pub_country" = 'US'
            )
            AND (
              "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
            )
            THEN "t10"."grant_date" + INTERVAL '15' YEAR
            WHEN (
              "t10"."patent_type" = 'design'
            ) AND (
              "t10"."pub_country" = 'US'
            )
            THEN "t10"."grant_date" + INTERVAL '14' YEAR
            WHEN (
              "t10"."patent_type" = 'design'
            )
            AND (
              "t10"."pub_country" = 'CN'
            )
            AND (
              "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
            )
            THEN "t10"."app_date" + INTERVAL '15' YEAR
            WHEN (
              "t10"."patent_type" = 'design'
            ) AND (
              "t10"."pub_country" = 'CN'
            )
            THEN "t10"."app_date" + INTERVAL '10' YEAR
            ELSE CAST(NULL AS DATE)
          END
          ELSE CAST(NULL AS DATE)
        END AS "end_date",
        CASE
          WHEN "t20"."event_end" IS NOT NULL
          THEN 'event'
          WHEN (
            "t10"."legal_status" = 'expired'
          )
          AND (
            CASE
              WHEN "t10"."patent_type" = 'invention'
              THEN "t10"."app_date" + INTERVAL '20' YEAR
              WHEN "t10"."patent_type" = 'utility_model'
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'US'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t10"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'US'
              )
              THEN "t10"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'CN'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t10"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'CN'
              )
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END IS NOT NULL
          )
          AND (
            CASE
              WHEN "t10"."patent_type" = 'invention'
              THEN "t10"."app_date" + INTERVAL '20' YEAR
              WHEN "t10"."patent_type" = 'utility_model'
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'US'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t10"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'US'
              )
              THEN "t10"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'CN'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t10"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'CN'
              )
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END <= MAKE_DATE(2023, 5, 26)
          )
          THEN 'term'
          ELSE 'unknown'
        END AS "end_basis",
        CASE
          WHEN CASE
            WHEN "t20"."event_end" IS NOT NULL
            THEN "t20"."event_end"
            WHEN (
              "t10"."legal_status" = 'expired'
            )
            AND (
              CASE
                WHEN "t10"."patent_type" = 'invention'
                THEN "t10"."app_date" + INTERVAL '20' YEAR
                WHEN "t10"."patent_type" = 'utility_model'
                THEN "t10"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                )
                AND (
                  "t10"."pub_country" = 'US'
                )
                AND (
                  "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t10"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                ) AND (
                  "t10"."pub_country" = 'US'
                )
                THEN "t10"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                )
                AND (
                  "t10"."pub_country" = 'CN'
                )
                AND (
                  "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t10"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                ) AND (
                  "t10"."pub_country" = 'CN'
                )
                THEN "t10"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END IS NOT NULL
            )
            AND (
              CASE
                WHEN "t10"."patent_type" = 'invention'
                THEN "t10"."app_date" + INTERVAL '20' YEAR
                WHEN "t10"."patent_type" = 'utility_model'
                THEN "t10"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                )
                AND (
                  "t10"."pub_country" = 'US'
                )
                AND (
                  "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t10"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                ) AND (
                  "t10"."pub_country" = 'US'
                )
                THEN "t10"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                )
                AND (
                  "t10"."pub_country" = 'CN'
                )
                AND (
                  "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t10"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t10"."patent_type" = 'design'
                ) AND (
                  "t10"."pub_country" = 'CN'
                )
                THEN "t10"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END <= MAKE_DATE(2023, 5, 26)
            )
            THEN CASE
              WHEN "t10"."patent_type" = 'invention'
              THEN "t10"."app_date" + INTERVAL '20' YEAR
              WHEN "t10"."patent_type" = 'utility_model'
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'US'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t10"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'US'
              )
              THEN "t10"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              )
              AND (
                "t10"."pub_country" = 'CN'
              )
              AND (
                "t10"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t10"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t10"."patent_type" = 'design'
              ) AND (
                "t10"."pub_country" = 'CN'
              )
              THEN "t10"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END
            ELSE CAST(NULL AS DATE)
          END IS NULL
          THEN CASE
            WHEN "t10"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
            AND (
              "t10"."grant_date" IS NOT NULL
            )
            THEN "t10"."grant_date"
            ELSE "t10"."pub_date"
          END
          ELSE CAST(NULL AS DATE)
        END AS "ended_after"
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
          "t0"."coop_pairs",
          "t0"."family",
          "t0"."abroad",
          "t0"."family_abroad",
          "t0"."family_first",
          "t0"."family_lead",
          CASE "t0"."legal_status"
            WHEN 'lapsed'
            THEN 'lapse'
            WHEN 'expired'
            THEN 'expiry'
            WHEN 'invalidated'
            THEN 'invalidation'
            WHEN 'abandoned'
            THEN 'abandonment'
            WHEN 'withdrawn'
            THEN 'withdrawal'
            WHEN 'rejected'
            THEN 'rejection'
            ELSE NULL
          END AS "end_category"
        FROM "_seip_applications" AS "t0"
        WHERE
          "t0"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected')
          AND COALESCE("t0"."pub_country", '') <> 'WO'
      ) AS "t10"
      LEFT OUTER JOIN (
        SELECT
          "t13"."akey",
          "t13"."category",
          MAX("t13"."event_date") AS "event_end"
        FROM (
          SELECT
            "t7"."pub_number",
            "t7"."event_date",
            "t7"."code",
            "t7"."description",
            "t7"."authority",
            "t7"."influence",
            "t7"."category",
            "t7"."import_id",
            "t8"."akey"
          FROM (
            SELECT
              *
            FROM "legal_events" AS "t1"
            WHERE
              "t1"."category" IN ('lapse', 'expiry', 'invalidation', 'abandonment', 'withdrawal', 'rejection')
          ) AS "t7"
          INNER JOIN (
            SELECT
              "t2"."pub_number",
              COALESCE("t2"."app_number", "t2"."pub_number") AS "akey"
            FROM "patents" AS "t2"
          ) AS "t8"
            ON "t7"."pub_number" = "t8"."pub_number"
        ) AS "t13"
        GROUP BY
          1,
          2
      ) AS "t20"
        ON "t10"."akey" = "t20"."akey" AND "t10"."end_category" = "t20"."category"
    ) AS "t25"
    WHERE
      "t25"."reason" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
  ) AS "t27"
  SEMI JOIN "t6" AS "t12"
    ON "t27"."akey" = "t12"."akey"
)
SELECT
  *
FROM (
  SELECT
    "t38"."year",
    "t38"."applications",
    "t38"."a",
    "t38"."b",
    "t38"."designs",
    "t38"."applicants",
    "t38"."c",
    "t38"."a_5y",
    "t38"."v",
    "t38"."alpha",
    "t38"."beta",
    "t38"."complete",
    "t33"."ended_undated"
  FROM (
    SELECT
      "t36"."year",
      "t36"."applications",
      "t36"."a",
      "t36"."b",
      "t36"."designs",
      "t36"."applicants",
      "t36"."c",
      SUM("t36"."a") OVER (ORDER BY "t36"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW) AS "a_5y",
      CASE
        WHEN SUM("t36"."a") OVER (ORDER BY "t36"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              "t36"."a" / SUM("t36"."a") OVER (ORDER BY "t36"."year" ASC ROWS BETWEEN 4 preceding AND CURRENT ROW)
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "v",
      CASE
        WHEN (
          "t36"."a" + "t36"."b"
        ) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              "t36"."a" / (
                "t36"."a" + "t36"."b"
              )
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "alpha",
      CASE
        WHEN (
          "t36"."a" + "t36"."b" + "t36"."c"
        ) > 0
        THEN CAST(CAST(FLOOR(
          (
            (
              (
                "t36"."a" + "t36"."b"
              ) / (
                "t36"."a" + "t36"."b" + "t36"."c"
              )
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "beta",
      "t36"."year" <= 2020 AS "complete"
    FROM (
      SELECT
        "t24"."year",
        COALESCE("t17"."applications", 0) AS "applications",
        COALESCE("t17"."a", 0) AS "a",
        COALESCE("t17"."b", 0) AS "b",
        COALESCE("t17"."designs", 0) AS "designs",
        COALESCE("t22"."applicants", 0) AS "applicants",
        COALESCE("t35"."c", 0) AS "c"
      FROM (
        SELECT
          UNNEST(RANGE("t21"."lo", 2024, 1)) AS "year"
        FROM (
          SELECT
            MIN("t16"."year") AS "lo"
          FROM "t14" AS "t16"
        ) AS "t21"
      ) AS "t24"
      LEFT OUTER JOIN "t14" AS "t17"
        ON "t24"."year" = "t17"."year"
      LEFT OUTER JOIN (
        SELECT
          "t15"."year",
          COUNT(DISTINCT "t15"."applicant") AS "applicants"
        FROM (
          SELECT
            CAST(EXTRACT(year FROM "t11"."app_date") AS BIGINT) AS "year",
            UNNEST("t11"."applicants_std") AS "applicant"
          FROM "t6" AS "t11"
        ) AS "t15"
        GROUP BY
          1
      ) AS "t22"
        ON "t24"."year" = "t22"."year"
      LEFT OUTER JOIN (
        SELECT
          "t32"."year",
          COUNT(*) AS "c"
        FROM (
          SELECT
            "t29"."akey",
            "t29"."pub_number",
            "t29"."reason",
            "t29"."end_date",
            "t29"."end_basis",
            "t29"."ended_after",
            CAST(EXTRACT(year FROM "t29"."end_date") AS BIGINT) AS "year"
          FROM "t28" AS "t29"
          WHERE
            CAST(EXTRACT(year FROM "t29"."end_date") AS BIGINT) IS NOT NULL
        ) AS "t32"
        GROUP BY
          1
      ) AS "t35"
        ON "t24"."year" = "t35"."year"
    ) AS "t36"
  ) AS "t38"
  CROSS JOIN (
    SELECT
      COUNT(*) AS "ended_undated"
    FROM (
      SELECT
        *
      FROM "t28" AS "t29"
      WHERE
        "t29"."end_date" IS NULL
    ) AS "t30"
  ) AS "t33"
) AS "t39"
ORDER BY
  "t39"."year" ASC
