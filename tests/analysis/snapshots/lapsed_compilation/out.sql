SELECT
  *
FROM (
  SELECT
    "t43"."pub_number",
    "t43"."app_number",
    "t43"."title",
    "t43"."applicants",
    "t43"."province",
    "t43"."city",
    "t43"."app_date",
    "t43"."grant_date",
    "t43"."patent_type",
    "t43"."ipc_main",
    "t43"."sei_codes",
    "t43"."reason",
    "t43"."legal_status_raw",
    "t43"."end_date",
    "t43"."end_basis",
    "t43"."ended_after",
    "t43"."value_score",
    "t43"."core",
    (
      ROW_NUMBER() OVER (
        ORDER BY "t43"."value_score" DESC, "t43"."pub_number" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "rank"
  FROM (
    SELECT
      "t33"."pub_number",
      "t3"."app_number",
      "t3"."title",
      ARRAY_TO_STRING("t3"."applicants", '; ') AS "applicants",
      "t3"."province",
      "t3"."city",
      "t3"."app_date",
      "t3"."grant_date",
      "t3"."patent_type",
      "t3"."ipc_main",
      ARRAY_TO_STRING("t3"."sei_codes", ' ') AS "sei_codes",
      "t33"."reason",
      "t3"."legal_status_raw",
      "t33"."end_date",
      "t33"."end_basis",
      "t33"."ended_after",
      "t42"."value_score",
      COALESCE("t42"."core", FALSE) AS "core"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t14"."akey",
          "t14"."pub_number",
          "t14"."legal_status" AS "reason",
          CASE
            WHEN "t26"."event_end" IS NOT NULL
            THEN "t26"."event_end"
            WHEN (
              "t14"."legal_status" = 'expired'
            )
            AND (
              CASE
                WHEN "t14"."patent_type" = 'invention'
                THEN "t14"."app_date" + INTERVAL '20' YEAR
                WHEN "t14"."patent_type" = 'utility_model'
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'US'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t14"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'US'
                )
                THEN "t14"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'CN'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t14"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'CN'
                )
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END IS NOT NULL
            )
            AND (
              CASE
                WHEN "t14"."patent_type" = 'invention'
                THEN "t14"."app_date" + INTERVAL '20' YEAR
                WHEN "t14"."patent_type" = 'utility_model'
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'US'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t14"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'US'
                )
                THEN "t14"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'CN'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t14"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'CN'
                )
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END <= MAKE_DATE(2024, 1, 1)
            )
            THEN CASE
              WHEN "t14"."patent_type" = 'invention'
              THEN "t14"."app_date" + INTERVAL '20' YEAR
              WHEN "t14"."patent_type" = 'utility_model'
              THEN "t14"."app_date" + INTERVAL '10' YEAR
              WHEN (
                "t14"."patent_type" = 'design'
              )
              AND (
                "t14"."pub_country" = 'US'
              )
              AND (
                "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
              )
              THEN "t14"."grant_date" + INTERVAL '15' YEAR
              WHEN (
                "t14"."patent_type" = 'design'
              ) AND (
                "t14"."pub_country" = 'US'
              )
              THEN "t14"."grant_date" + INTERVAL '14' YEAR
              WHEN (
                "t14"."patent_type" = 'design'
              )
              AND (
                "t14"."pub_country" = 'CN'
              )
              AND (
                "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
              )
              THEN "t14"."app_date" + INTERVAL '15' YEAR
              WHEN (
                "t14"."patent_type" = 'design'
              ) AND (
                "t14"."pub_country" = 'CN'
              )
              THEN "t14"."app_date" + INTERVAL '10' YEAR
              ELSE CAST(NULL AS DATE)
            END
            ELSE CAST(NULL AS DATE)
          END AS "end_date",
          CASE
            WHEN "t26"."event_end" IS NOT NULL
            THEN 'event'
            WHEN (
              "t14"."legal_status" = 'expired'
            )
            AND (
              CASE
                WHEN "t14"."patent_type" = 'invention'
                THEN "t14"."app_date" + INTERVAL '20' YEAR
                WHEN "t14"."patent_type" = 'utility_model'
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'US'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t14"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'US'
                )
                THEN "t14"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'CN'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t14"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'CN'
                )
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END IS NOT NULL
            )
            AND (
              CASE
                WHEN "t14"."patent_type" = 'invention'
                THEN "t14"."app_date" + INTERVAL '20' YEAR
                WHEN "t14"."patent_type" = 'utility_model'
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'US'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t14"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'US'
                )
                THEN "t14"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'CN'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t14"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'CN'
                )
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END <= MAKE_DATE(2024, 1, 1)
            )
            THEN 'term'
            ELSE 'unknown'
          END AS "end_basis",
          CASE
            WHEN CASE
              WHEN "t26"."event_end" IS NOT NULL
              THEN "t26"."event_end"
              WHEN (
                "t14"."legal_status" = 'expired'
              )
              AND (
                CASE
                  WHEN "t14"."patent_type" = 'invention'
                  THEN "t14"."app_date" + INTERVAL '20' YEAR
                  WHEN "t14"."patent_type" = 'utility_model'
                  THEN "t14"."app_date" + INTERVAL '10' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  )
                  AND (
                    "t14"."pub_country" = 'US'
                  )
                  AND (
                    "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                  )
                  THEN "t14"."grant_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  ) AND (
                    "t14"."pub_country" = 'US'
                  )
                  THEN "t14"."grant_date" + INTERVAL '14' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  )
                  AND (
                    "t14"."pub_country" = 'CN'
                  )
                  AND (
                    "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                  )
                  THEN "t14"."app_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  ) AND (
                    "t14"."pub_country" = 'CN'
                  )
                  THEN "t14"."app_date" + INTERVAL '10' YEAR
                  ELSE CAST(NULL AS DATE)
                END IS NOT NULL
              )
              AND (
                CASE
                  WHEN "t14"."patent_type" = 'invention'
                  THEN "t14"."app_date" + INTERVAL '20' YEAR
                  WHEN "t14"."patent_type" = 'utility_model'
                  THEN "t14"."app_date" + INTERVAL '10' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  )
                  AND (
                    "t14"."pub_country" = 'US'
                  )
                  AND (
                    "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                  )
                  THEN "t14"."grant_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  ) AND (
                    "t14"."pub_country" = 'US'
                  )
                  THEN "t14"."grant_date" + INTERVAL '14' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  )
                  AND (
                    "t14"."pub_country" = 'CN'
                  )
                  AND (
                    "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                  )
                  THEN "t14"."app_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t14"."patent_type" = 'design'
                  ) AND (
                    "t14"."pub_country" = 'CN'
                  )
                  THEN "t14"."app_date" + INTERVAL '10' YEAR
                  ELSE CAST(NULL AS DATE)
                END <= MAKE_DATE(2024, 1, 1)
              )
              THEN CASE
                WHEN "t14"."patent_type" = 'invention'
                THEN "t14"."app_date" + INTERVAL '20' YEAR
                WHEN "t14"."patent_type" = 'utility_model'
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'US'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t14"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'US'
                )
                THEN "t14"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                )
                AND (
                  "t14"."pub_country" = 'CN'
                )
                AND (
                  "t14"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t14"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t14"."patent_type" = 'design'
                ) AND (
                  "t14"."pub_country" = 'CN'
                )
                THEN "t14"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END
              ELSE CAST(NULL AS DATE)
            END IS NULL
            THEN CASE
              WHEN "t14"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
              AND (
                "t14"."grant_date" IS NOT NULL
              )
              THEN "t14"."grant_date"
              ELSE "t14"."pub_date"
            END
            ELSE CAST(NULL AS DATE)
          END AS "ended_after"
        FROM (
          SELECT
            "t1"."akey",
            "t1"."app_date",
            "t1"."pub_date",
            "t1"."priority_date",
            "t1"."grant_date",
            "t1"."documents",
            "t1"."pub_number",
            "t1"."pub_country",
            "t1"."patent_type",
            "t1"."legal_status",
            "t1"."is_valid",
            "t1"."applicant_country",
            "t1"."province",
            "t1"."city",
            "t1"."applicants_std",
            "t1"."applicant_types",
            "t1"."sei_codes",
            "t1"."sei_top",
            "t1"."family_id",
            "t1"."family_countries",
            "t1"."ipc4",
            "t1"."applicant_set",
            "t1"."applicant_type_set",
            "t1"."coop_pairs",
            "t1"."family",
            "t1"."abroad",
            "t1"."family_abroad",
            "t1"."family_first",
            "t1"."family_lead",
            CASE "t1"."legal_status"
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
          FROM "_seip_applications" AS "t1"
          WHERE
            COALESCE(ARRAY_CONTAINS("t1"."sei_codes", '1.5'), FALSE)
            AND "t1"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected')
            AND COALESCE("t1"."pub_country", '') <> 'WO'
        ) AS "t14"
        LEFT OUTER JOIN (
          SELECT
            "t23"."akey",
            "t23"."category",
            MAX("t23"."event_date") AS "event_end"
          FROM (
            SELECT
              "t12"."pub_number",
              "t12"."event_date",
              "t12"."code",
              "t12"."description",
              "t12"."authority",
              "t12"."influence",
              "t12"."category",
              "t12"."import_id",
              "t19"."akey"
            FROM (
              SELECT
                *
              FROM "legal_events" AS "t2"
              WHERE
                "t2"."category" IN ('lapse', 'expiry', 'invalidation', 'abandonment', 'withdrawal', 'rejection')
            ) AS "t12"
            INNER JOIN (
              SELECT
                "t4"."pub_number",
                COALESCE("t4"."app_number", "t4"."pub_number") AS "akey"
              FROM "patents" AS "t4"
              SEMI JOIN (
                SELECT
                  *
                FROM "_seip_applications" AS "t1"
                WHERE
                  COALESCE(ARRAY_CONTAINS("t1"."sei_codes", '1.5'), FALSE)
              ) AS "t15"
                ON COALESCE("t4"."app_number", "t4"."pub_number") = "t15"."akey"
            ) AS "t19"
              ON "t12"."pub_number" = "t19"."pub_number"
          ) AS "t23"
          GROUP BY
            1,
            2
        ) AS "t26"
          ON "t14"."akey" = "t26"."akey" AND "t14"."end_category" = "t26"."category"
      ) AS "t29"
      WHERE
        "t29"."reason" IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected')
        AND COALESCE(
          (
            "t29"."end_date" >= MAKE_DATE(2020, 1, 1)
          )
          OR (
            (
              "t29"."end_date" IS NULL
            )
            AND (
              "t29"."ended_after" >= MAKE_DATE(2020, 1, 1)
            )
          ),
          FALSE
        )
    ) AS "t33"
    INNER JOIN "patents" AS "t3"
      ON "t33"."pub_number" = "t3"."pub_number"
    LEFT OUTER JOIN (
      SELECT
        "t40"."pub_number",
        "t40"."value_score",
        (
          "t40"."value_score" IS NOT NULL
        )
        AND (
          "t40"."cell_scored" >= 10
        )
        AND (
          CAST("t40"."cell_rank" AS DOUBLE) <= CAST(FLOOR(CAST("t40"."cell_scored" AS DOUBLE) * 0.1) AS BIGINT)
        ) AS "core"
      FROM (
        SELECT
          "t39"."pub_number",
          "t39"."cell_office",
          "t39"."cell_field",
          "t39"."cell_year",
          "t39"."legal_status",
          "t39"."term_end",
          "t39"."validity_raw",
          "t39"."remaining_term_raw",
          "t39"."claims_raw",
          "t39"."forward_citations_raw",
          "t39"."ipc_scope_raw",
          "t39"."family_size_raw",
          "t39"."family_countries_raw",
          "t39"."has_events",
          "t39"."events_share",
          "t39"."events_known",
          "t39"."invalidation_raw",
          "t39"."litigation_raw",
          "t39"."licences_raw",
          "t39"."transfers_raw",
          "t39"."pledges_raw",
          "t39"."cell_patents",
          "t39"."cohort_office",
          "t39"."cohort_field",
          "t39"."cohort_year",
          "t39"."cohort_level",
          "t39"."cohort_patents",
          "t39"."claims_max",
          "t39"."invalidation_max",
          "t39"."litigation_max",
          "t39"."forward_citations_max",
          "t39"."ipc_scope_max",
          "t39"."family_size_max",
          "t39"."family_countries_max",
          "t39"."licences_max",
          "t39"."transfers_max",
          "t39"."pledges_max",
          "t39"."validity_norm",
          "t39"."remaining_term_norm",
          "t39"."claims_norm",
          "t39"."invalidation_norm",
          "t39"."litigation_norm",
          "t39"."forward_citations_norm",
          "t39"."ipc_scope_norm",
          "t39"."family_size_norm",
          "t39"."family_countries_norm",
          "t39"."licences_norm",
          "t39"."transfers_norm",
          "t39"."pledges_norm",
          "t39"."value_legal",
          "t39"."value_technical",
          "t39"."value_economic",
          "t39"."coverage_legal",
          "t39"."coverage_technical",
          "t39"."coverage_economic",
          "t39"."value_coverage",
          "t39"."value_score",
          SUM(CAST("t39"."value_score" IS NOT NULL AS BIGINT)) OVER (
            PARTITION BY "t39"."cell_office", "t39"."cell_field", "t39"."cell_year"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "cell_scored",
          CASE
            WHEN "t39"."value_score" IS NOT NULL
            THEN (
              RANK() OVER (
                PARTITION BY "t39"."cell_office", "t39"."cell_field", "t39"."cell_year"
                ORDER BY "t39"."value_score" DESC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1
            ELSE CAST(NULL AS BIGINT)
          END AS "cell_rank"
        FROM (
          SELECT
            "t38"."pub_number",
            "t38"."cell_office",
            "t38"."cell_field",
            "t38"."cell_year",
            "t38"."legal_status",
            "t38"."term_end",
            "t38"."validity_raw",
            "t38"."remaining_term_raw",
            "t38"."claims_raw",
            "t38"."forward_citations_raw",
            "t38"."ipc_scope_raw",
            "t38"."family_size_raw",
            "t38"."family_countries_raw",
            "t38"."has_events",
            "t38"."events_share",
            "t38"."events_known",
            "t38"."invalidation_raw",
            "t38"."litigation_raw",
            "t38"."licences_raw",
            "t38"."transfers_raw",
            "t38"."pledges_raw",
            "t38"."cell_patents",
            "t38"."cohort_office",
            "t38"."cohort_field",
            "t38"."cohort_year",
            "t38"."cohort_level",
            "t38"."cohort_patents",
            "t38"."claims_max",
            "t38"."invalidation_max",
            "t38"."litigation_max",
            "t38"."forward_citations_max",
            "t38"."ipc_scope_max",
            "t38"."family_size_max",
            "t38"."family_countries_max",
            "t38"."licences_max",
            "t38"."transfers_max",
            "t38"."pledges_max",
            "t38"."validity_norm",
            "t38"."remaining_term_norm",
            "t38"."claims_norm",
            "t38"."invalidation_norm",
            "t38"."litigation_norm",
            "t38"."forward_citations_norm",
            "t38"."ipc_scope_norm",
            "t38"."family_size_norm",
            "t38"."family_countries_norm",
            "t38"."licences_norm",
            "t38"."transfers_norm",
            "t38"."pledges_norm",
            "t38"."value_legal",
            "t38"."value_technical",
            "t38"."value_economic",
            "t38"."coverage_legal",
            "t38"."coverage_technical",
            "t38"."coverage_economic",
            CAST(CAST(FLOOR(
              (
                (
                  CASE
                    WHEN "t38"."value_legal" IS NOT NULL
                    THEN "t38"."coverage_legal" * 0.3333333333333333
                    ELSE 0.0
                  END + CASE
                    WHEN "t38"."value_technical" IS NOT NULL
                    THEN "t38"."coverage_technical" * 0.3333333333333333
                    ELSE 0.0
                  END + CASE
                    WHEN "t38"."value_economic" IS NOT NULL
                    THEN "t38"."coverage_economic" * 0.3333333333333333
                    ELSE 0.0
                  END
                ) * 1000000.0
              ) + 0.5
            ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "value_coverage",
            CASE
              WHEN (
                CASE
                  WHEN "t38"."value_legal" IS NOT NULL
                  THEN "t38"."coverage_legal" * 0.3333333333333333
                  ELSE 0.0
                END + CASE
                  WHEN "t38"."value_technical" IS NOT NULL
                  THEN "t38"."coverage_technical" * 0.3333333333333333
                  ELSE 0.0
                END + CASE
                  WHEN "t38"."value_economic" IS NOT NULL
                  THEN "t38"."coverage_economic" * 0.3333333333333333
                  ELSE 0.0
                END
              ) >= 0.499999999
              THEN CAST(CAST(FLOOR(
                (
                  (
                    (
                      (
                        COALESCE("t38"."value_legal", 0.0) * 0.3333333333333333
                      ) + (
                        COALESCE("t38"."value_technical", 0.0) * 0.3333333333333333
                      ) + (
                        COALESCE("t38"."value_economic", 0.0) * 0.3333333333333333
                      )
                    ) / (
                      CASE WHEN "t38"."value_legal" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t38"."value_technical" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t38"."value_economic" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END
                    )
                  ) * 10000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 10000.0
              ELSE CAST(NULL AS DOUBLE)
            END AS "value_score"
          FROM (
            SELECT
              "t37"."pub_number",
              "t37"."cell_office",
              "t37"."cell_field",
              "t37"."cell_year",
              "t37"."legal_status",
              "t37"."term_end",
              "t37"."validity_raw",
              "t37"."remaining_term_raw",
              "t37"."claims_raw",
              "t37"."forward_citations_raw",
              "t37"."ipc_scope_raw",
              "t37"."family_size_raw",
              "t37"."family_countries_raw",
              "t37"."has_events",
              "t37"."events_share",
              "t37"."events_known",
              "t37"."invalidation_raw",
              "t37"."litigation_raw",
              "t37"."licences_raw",
              "t37"."transfers_raw",
              "t37"."pledges_raw",
              "t37"."cell_patents",
              "t37"."cohort_office",
              "t37"."cohort_field",
              "t37"."cohort_year",
              "t37"."cohort_level",
              "t37"."cohort_patents",
              "t37"."claims_max",
              "t37"."invalidation_max",
              "t37"."litigation_max",
              "t37"."forward_citations_max",
              "t37"."ipc_scope_max",
              "t37"."family_size_max",
              "t37"."family_countries_max",
              "t37"."licences_max",
              "t37"."transfers_max",
              "t37"."pledges_max",
              "t37"."validity_norm",
              "t37"."remaining_term_norm",
              "t37"."claims_norm",
              "t37"."invalidation_norm",
              "t37"."litigation_norm",
              "t37"."forward_citations_norm",
              "t37"."ipc_scope_norm",
              "t37"."family_size_norm",
              "t37"."family_countries_norm",
              "t37"."licences_norm",
              "t37"."transfers_norm",
              "t37"."pledges_norm",
              CASE
                WHEN (
                  (
                    CASE WHEN "t37"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t37"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t37"."validity_norm", 0.0) * 0.3
                          ) + (
                            COALESCE("t37"."remaining_term_norm", 0.0) * 0.3
                          ) + (
                            COALESCE("t37"."claims_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t37"."invalidation_norm", 0.0) * 0.1
                          ) + (
                            COALESCE("t37"."litigation_norm", 0.0) * 0.1
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t37"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t37"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                      )
                    ) * 10000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 10000.0
                ELSE CAST(NULL AS DOUBLE)
              END AS "value_legal",
              CASE
                WHEN (
                  (
                    CASE WHEN "t37"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t37"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t37"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t37"."forward_citations_norm", 0.0) * 0.5
                          ) + (
                            COALESCE("t37"."ipc_scope_norm", 0.0) * 0.25
                          ) + (
                            COALESCE("t37"."family_size_norm", 0.0) * 0.25
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t37"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t37"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t37"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                      )
                    ) * 10000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 10000.0
                ELSE CAST(NULL AS DOUBLE)
              END AS "value_technical",
              CASE
                WHEN (
                  (
                    CASE WHEN "t37"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t37"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t37"."family_countries_norm", 0.0) * 0.4
                          ) + (
                            COALESCE("t37"."licences_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t37"."transfers_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t37"."pledges_norm", 0.0) * 0.2
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t37"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t37"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
                      )
                    ) * 10000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 10000.0
                ELSE CAST(NULL AS DOUBLE)
              END AS "value_economic",
              CAST(CAST(FLOOR(
                (
                  (
                    (
                      CASE WHEN "t37"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t37"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t37"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_legal",
              CAST(CAST(FLOOR(
                (
                  (
                    (
                      CASE WHEN "t37"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t37"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t37"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_technical",
              CAST(CAST(FLOOR(
                (
                  (
                    (
                      CASE WHEN "t37"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t37"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t37"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_economic"
            FROM (
              SELECT
                "t36"."pub_number",
                "t36"."cell_office",
                "t36"."cell_field",
                "t36"."cell_year",
                "t36"."legal_status",
                "t36"."term_end",
                "t36"."validity_raw",
                "t36"."remaining_term_raw",
                "t36"."claims_raw",
                "t36"."forward_citations_raw",
                "t36"."ipc_scope_raw",
                "t36"."family_size_raw",
                "t36"."family_countries_raw",
                "t36"."has_events",
                "t36"."events_share",
                "t36"."events_known",
                "t36"."invalidation_raw",
                "t36"."litigation_raw",
                "t36"."licences_raw",
                "t36"."transfers_raw",
                "t36"."pledges_raw",
                "t36"."cell_patents",
                "t36"."cohort_office",
                "t36"."cohort_field",
                "t36"."cohort_year",
                "t36"."cohort_level",
                "t36"."cohort_patents",
                "t36"."claims_max",
                "t36"."invalidation_max",
                "t36"."litigation_max",
                "t36"."forward_citations_max",
                "t36"."ipc_scope_max",
                "t36"."family_size_max",
                "t36"."family_countries_max",
                "t36"."licences_max",
                "t36"."transfers_max",
                "t36"."pledges_max",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN "t36"."legal_status" IN ('lapsed', 'expired', 'withdrawn', 'rejected', 'abandoned', 'invalidated')
                      THEN 0.0
                      WHEN "t36"."legal_status" IN ('granted', 'pending')
                      AND (
                        (
                          "t36"."term_end" IS NOT NULL
                        )
                        AND (
                          "t36"."term_end" <= MAKE_DATE(2024, 1, 1)
                        )
                      )
                      THEN 0.0
                      WHEN "t36"."legal_status" = 'granted'
                      THEN 1.0
                      WHEN "t36"."legal_status" = 'pending'
                      THEN 0.5
                      ELSE CAST(NULL AS DOUBLE)
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "validity_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN "t36"."remaining_term_raw" IS NULL
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."remaining_term_raw" >= 20.0
                      THEN 1.0
                      ELSE "t36"."remaining_term_raw" / 20.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "remaining_term_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."claims_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."claims_max" > 0
                      THEN CAST("t36"."claims_raw" AS DOUBLE) / CAST("t36"."claims_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "claims_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."invalidation_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."invalidation_max" > 0
                      THEN CAST("t36"."invalidation_raw" AS DOUBLE) / CAST("t36"."invalidation_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "invalidation_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."litigation_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."litigation_max" > 0
                      THEN CAST("t36"."litigation_raw" AS DOUBLE) / CAST("t36"."litigation_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "litigation_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."forward_citations_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."forward_citations_max" > 0
                      THEN CAST("t36"."forward_citations_raw" AS DOUBLE) / CAST("t36"."forward_citations_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "forward_citations_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."ipc_scope_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."ipc_scope_max" > 0
                      THEN CAST("t36"."ipc_scope_raw" AS DOUBLE) / CAST("t36"."ipc_scope_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "ipc_scope_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."family_size_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."family_size_max" > 0
                      THEN CAST("t36"."family_size_raw" AS DOUBLE) / CAST("t36"."family_size_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_size_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."family_countries_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."family_countries_max" > 0
                      THEN CAST("t36"."family_countries_raw" AS DOUBLE) / CAST("t36"."family_countries_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_countries_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."licences_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."licences_max" > 0
                      THEN CAST("t36"."licences_raw" AS DOUBLE) / CAST("t36"."licences_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "licences_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."transfers_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."transfers_max" > 0
                      THEN CAST("t36"."transfers_raw" AS DOUBLE) / CAST("t36"."transfers_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "transfers_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t36"."pledges_raw" IS NULL
                      ) OR (
                        "t36"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t36"."pledges_max" > 0
                      THEN CAST("t36"."pledges_raw" AS DOUBLE) / CAST("t36"."pledges_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "pledges_norm"
              FROM (
                SELECT
                  "t21"."pub_number",
                  "t21"."cell_office",
                  "t21"."cell_field",
                  "t21"."cell_year",
                  "t21"."legal_status",
                  "t21"."term_end",
                  "t21"."validity_raw",
                  "t21"."remaining_term_raw",
                  "t21"."claims_raw",
                  "t21"."forward_citations_raw",
                  "t21"."ipc_scope_raw",
                  "t21"."family_size_raw",
                  "t21"."family_countries_raw",
                  "t16"."n_events" IS NOT NULL AS "has_events",
                  COALESCE("t24"."events_share", 0.0) AS "events_share",
                  COALESCE("t24"."events_share", 0.0) >= 0.5 AS "events_known",
                  CASE
                    WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t16"."invalidation", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "invalidation_raw",
                  CASE
                    WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t16"."litigation", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "litigation_raw",
                  CASE
                    WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t16"."licences", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "licences_raw",
                  CASE
                    WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t16"."transfers", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "transfers_raw",
                  CASE
                    WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t16"."pledges", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "pledges_raw",
                  "t35"."cell_patents",
                  "t35"."cohort_office",
                  "t35"."cohort_field",
                  "t35"."cohort_year",
                  "t35"."cohort_level",
                  "t35"."cohort_patents",
                  "t35"."claims_max",
                  "t35"."invalidation_max",
                  "t35"."litigation_max",
                  "t35"."forward_citations_max",
                  "t35"."ipc_scope_max",
                  "t35"."family_size_max",
                  "t35"."family_countries_max",
                  "t35"."licences_max",
                  "t35"."transfers_max",
                  "t35"."pledges_max"
                FROM (
                  SELECT
                    "t0"."pub_number",
                    COALESCE("t0"."pub_country", '') AS "cell_office",
                    COALESCE(
                      SUBSTRING(
                        "t0"."ipc_main",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."ipc_main") END,
                        4
                      ),
                      '-'
                    ) AS "cell_field",
                    COALESCE(CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT), -1) AS "cell_year",
                    "t0"."legal_status",
                    CASE
                      WHEN "t0"."patent_type" = 'invention'
                      THEN "t0"."app_date" + INTERVAL '20' YEAR
                      WHEN "t0"."patent_type" = 'utility_model'
                      THEN "t0"."app_date" + INTERVAL '10' YEAR
                      WHEN (
                        "t0"."patent_type" = 'design'
                      )
                      AND (
                        "t0"."pub_country" = 'US'
                      )
                      AND (
                        "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                      )
                      THEN "t0"."grant_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t0"."patent_type" = 'design'
                      ) AND (
                        "t0"."pub_country" = 'US'
                      )
                      THEN "t0"."grant_date" + INTERVAL '14' YEAR
                      WHEN (
                        "t0"."patent_type" = 'design'
                      )
                      AND (
                        "t0"."pub_country" = 'CN'
                      )
                      AND (
                        "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                      )
                      THEN "t0"."app_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t0"."patent_type" = 'design'
                      ) AND (
                        "t0"."pub_country" = 'CN'
                      )
                      THEN "t0"."app_date" + INTERVAL '10' YEAR
                      ELSE CAST(NULL AS DATE)
                    END AS "term_end",
                    "t0"."legal_status" AS "validity_raw",
                    CASE
                      WHEN "t0"."legal_status" IN ('lapsed', 'expired', 'withdrawn', 'rejected', 'abandoned', 'invalidated')
                      THEN 0.0
                      WHEN "t0"."legal_status" IN ('granted', 'pending')
                      AND (
                        CASE
                          WHEN "t0"."patent_type" = 'invention'
                          THEN "t0"."app_date" + INTERVAL '20' YEAR
                          WHEN "t0"."patent_type" = 'utility_model'
                          THEN "t0"."app_date" + INTERVAL '10' YEAR
                          WHEN (
                            "t0"."patent_type" = 'design'
                          )
                          AND (
                            "t0"."pub_country" = 'US'
                          )
                          AND (
                            "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                          )
                          THEN "t0"."grant_date" + INTERVAL '15' YEAR
                          WHEN (
                            "t0"."patent_type" = 'design'
                          ) AND (
                            "t0"."pub_country" = 'US'
                          )
                          THEN "t0"."grant_date" + INTERVAL '14' YEAR
                          WHEN (
                            "t0"."patent_type" = 'design'
                          )
                          AND (
                            "t0"."pub_country" = 'CN'
                          )
                          AND (
                            "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                          )
                          THEN "t0"."app_date" + INTERVAL '15' YEAR
                          WHEN (
                            "t0"."patent_type" = 'design'
                          ) AND (
                            "t0"."pub_country" = 'CN'
                          )
                          THEN "t0"."app_date" + INTERVAL '10' YEAR
                          ELSE CAST(NULL AS DATE)
                        END IS NOT NULL
                      )
                      THEN CAST(GREATEST(
                        DATE_DIFF(
                          'DAY',
                          MAKE_DATE(2024, 1, 1),
                          CASE
                            WHEN "t0"."patent_type" = 'invention'
                            THEN "t0"."app_date" + INTERVAL '20' YEAR
                            WHEN "t0"."patent_type" = 'utility_model'
                            THEN "t0"."app_date" + INTERVAL '10' YEAR
                            WHEN (
                              "t0"."patent_type" = 'design'
                            )
                            AND (
                              "t0"."pub_country" = 'US'
                            )
                            AND (
                              "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                            )
                            THEN "t0"."grant_date" + INTERVAL '15' YEAR
                            WHEN (
                              "t0"."patent_type" = 'design'
                            ) AND (
                              "t0"."pub_country" = 'US'
                            )
                            THEN "t0"."grant_date" + INTERVAL '14' YEAR
                            WHEN (
                              "t0"."patent_type" = 'design'
                            )
                            AND (
                              "t0"."pub_country" = 'CN'
                            )
                            AND (
                              "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                            )
                            THEN "t0"."app_date" + INTERVAL '15' YEAR
                            WHEN (
                              "t0"."patent_type" = 'design'
                            ) AND (
                              "t0"."pub_country" = 'CN'
                            )
                            THEN "t0"."app_date" + INTERVAL '10' YEAR
                            ELSE CAST(NULL AS DATE)
                          END
                        ),
                        0
                      ) AS DOUBLE) / 365.25
                      ELSE CAST(NULL AS DOUBLE)
                    END AS "remaining_term_raw",
                    "t0"."claims_count" AS "claims_raw",
                    "t0"."cited_by_count" AS "forward_citations_raw",
                    CASE
                      WHEN ARRAY_LENGTH(
                        CASE
                          WHEN LIST_APPLY(
                            "t0"."ipc",
                            LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                          ) IS NULL
                          THEN NULL
                          ELSE LIST_DISTINCT(
                            LIST_APPLY(
                              "t0"."ipc",
                              LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                            )
                          ) + CASE
                            WHEN LIST_BOOL_OR(
                              LIST_APPLY(
                                LIST_APPLY(
                                  "t0"."ipc",
                                  LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                ),
                                LAMBDA x : x IS NULL
                              )
                            )
                            THEN [NULL]
                            ELSE []
                          END
                        END
                      ) > 0
                      THEN ARRAY_LENGTH(
                        CASE
                          WHEN LIST_APPLY(
                            "t0"."ipc",
                            LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                          ) IS NULL
                          THEN NULL
                          ELSE LIST_DISTINCT(
                            LIST_APPLY(
                              "t0"."ipc",
                              LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                            )
                          ) + CASE
                            WHEN LIST_BOOL_OR(
                              LIST_APPLY(
                                LIST_APPLY(
                                  "t0"."ipc",
                                  LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                ),
                                LAMBDA x : x IS NULL
                              )
                            )
                            THEN [NULL]
                            ELSE []
                          END
                        END
                      )
                      ELSE CAST(NULL AS BIGINT)
                    END AS "ipc_scope_raw",
                    "t0"."family_size" AS "family_size_raw",
                    CASE
                      WHEN ARRAY_LENGTH("t0"."family_countries") > 0
                      THEN ARRAY_LENGTH(
                        CASE
                          WHEN "t0"."family_countries" IS NULL
                          THEN NULL
                          ELSE LIST_DISTINCT("t0"."family_countries") + CASE
                            WHEN LIST_BOOL_OR(LIST_APPLY("t0"."family_countries", LAMBDA x : x IS NULL))
                            THEN [NULL]
                            ELSE []
                          END
                        END
                      )
                      ELSE CAST(NULL AS BIGINT)
                    END AS "family_countries_raw"
                  FROM "patents" AS "t0"
                ) AS "t21"
                LEFT OUTER JOIN (
                  SELECT
                    "t2"."pub_number",
                    COUNT(*) AS "n_events",
                    COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                      "t2"."category" IN ('opposition', 'invalidation')) AS "invalidation",
                    COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                      "t2"."category" IN ('litigation')) AS "litigation",
                    COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                      "t2"."category" IN ('licence')) AS "licences",
                    COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                      "t2"."category" IN ('transfer')) AS "transfers",
                    COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                      "t2"."category" IN ('pledge')) AS "pledges"
                  FROM "legal_events" AS "t2"
                  GROUP BY
                    1
                ) AS "t16"
                  ON "t21"."pub_number" = "t16"."pub_number"
                LEFT OUTER JOIN (
                  SELECT
                    "t17"."cell_office",
                    CAST(SUM(CAST("t17"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
                  FROM (
                    SELECT
                      "t9"."cell_office",
                      "t7"."pub_number" IS NOT NULL AS "has"
                    FROM (
                      SELECT
                        "t0"."pub_number",
                        COALESCE("t0"."pub_country", '') AS "cell_office"
                      FROM "patents" AS "t0"
                    ) AS "t9"
                    LEFT OUTER JOIN (
                      SELECT DISTINCT
                        "t2"."pub_number"
                      FROM "legal_events" AS "t2"
                    ) AS "t7"
                      ON "t9"."pub_number" = "t7"."pub_number"
                  ) AS "t17"
                  GROUP BY
                    1
                ) AS "t24"
                  ON "t21"."cell_office" = "t24"."cell_office"
                INNER JOIN (
                  SELECT
                    "t31"."cell_office",
                    "t31"."cell_field",
                    "t31"."cell_year",
                    "t31"."n0" AS "cell_patents",
                    "t31"."cell_office" AS "cohort_office",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 0
                      THEN "t31"."cell_field"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."cls"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."sec"
                      ELSE '*'
                    END AS "cohort_field",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN 0
                      ELSE "t31"."cell_year"
                    END AS "cohort_year",
                    CAST(CASE
                      WHEN "t31"."n0" >= 10
                      THEN 0
                      WHEN "t31"."n1" >= 10
                      THEN 1
                      WHEN "t31"."n2" >= 10
                      THEN 2
                      WHEN "t31"."n3" >= 10
                      THEN 3
                      ELSE 4
                    END AS BIGINT) AS "cohort_level",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."n1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."n2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."n3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."n4"
                      ELSE "t31"."n0"
                    END AS "cohort_patents",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."claims_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."claims_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."claims_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."claims_m4"
                      ELSE "t31"."claims_m0"
                    END AS "claims_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."invalidation_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."invalidation_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."invalidation_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."invalidation_m4"
                      ELSE "t31"."invalidation_m0"
                    END AS "invalidation_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."litigation_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."litigation_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."litigation_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."litigation_m4"
                      ELSE "t31"."litigation_m0"
                    END AS "litigation_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."forward_citations_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."forward_citations_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."forward_citations_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."forward_citations_m4"
                      ELSE "t31"."forward_citations_m0"
                    END AS "forward_citations_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."ipc_scope_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."ipc_scope_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."ipc_scope_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."ipc_scope_m4"
                      ELSE "t31"."ipc_scope_m0"
                    END AS "ipc_scope_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."family_size_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."family_size_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."family_size_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."family_size_m4"
                      ELSE "t31"."family_size_m0"
                    END AS "family_size_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."family_countries_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."family_countries_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."family_countries_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."family_countries_m4"
                      ELSE "t31"."family_countries_m0"
                    END AS "family_countries_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."licences_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."licences_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."licences_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."licences_m4"
                      ELSE "t31"."licences_m0"
                    END AS "licences_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."transfers_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."transfers_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."transfers_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."transfers_m4"
                      ELSE "t31"."transfers_m0"
                    END AS "transfers_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t31"."pledges_m1"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t31"."pledges_m2"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t31"."pledges_m3"
                      WHEN CAST(CASE
                        WHEN "t31"."n0" >= 10
                        THEN 0
                        WHEN "t31"."n1" >= 10
                        THEN 1
                        WHEN "t31"."n2" >= 10
                        THEN 2
                        WHEN "t31"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t31"."pledges_m4"
                      ELSE "t31"."pledges_m0"
                    END AS "pledges_max"
                  FROM (
                    SELECT
                      "t30"."cell_office",
                      "t30"."cell_field",
                      "t30"."cell_year",
                      "t30"."n0",
                      "t30"."claims_m0",
                      "t30"."invalidation_m0",
                      "t30"."litigation_m0",
                      "t30"."forward_citations_m0",
                      "t30"."ipc_scope_m0",
                      "t30"."family_size_m0",
                      "t30"."family_countries_m0",
                      "t30"."licences_m0",
                      "t30"."transfers_m0",
                      "t30"."pledges_m0",
                      "t30"."cls",
                      "t30"."sec",
                      SUM("t30"."n0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n1",
                      MAX("t30"."claims_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m1",
                      MAX("t30"."invalidation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m1",
                      MAX("t30"."litigation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m1",
                      MAX("t30"."forward_citations_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m1",
                      MAX("t30"."ipc_scope_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m1",
                      MAX("t30"."family_size_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m1",
                      MAX("t30"."family_countries_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m1",
                      MAX("t30"."licences_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m1",
                      MAX("t30"."transfers_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m1",
                      MAX("t30"."pledges_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cls", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m1",
                      SUM("t30"."n0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n2",
                      MAX("t30"."claims_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m2",
                      MAX("t30"."invalidation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m2",
                      MAX("t30"."litigation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m2",
                      MAX("t30"."forward_citations_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m2",
                      MAX("t30"."ipc_scope_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m2",
                      MAX("t30"."family_size_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m2",
                      MAX("t30"."family_countries_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m2",
                      MAX("t30"."licences_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m2",
                      MAX("t30"."transfers_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m2",
                      MAX("t30"."pledges_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."sec", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m2",
                      SUM("t30"."n0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n3",
                      MAX("t30"."claims_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m3",
                      MAX("t30"."invalidation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m3",
                      MAX("t30"."litigation_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m3",
                      MAX("t30"."forward_citations_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m3",
                      MAX("t30"."ipc_scope_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m3",
                      MAX("t30"."family_size_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m3",
                      MAX("t30"."family_countries_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m3",
                      MAX("t30"."licences_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m3",
                      MAX("t30"."transfers_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m3",
                      MAX("t30"."pledges_m0") OVER (
                        PARTITION BY "t30"."cell_office", "t30"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m3",
                      SUM("t30"."n0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n4",
                      MAX("t30"."claims_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m4",
                      MAX("t30"."invalidation_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m4",
                      MAX("t30"."litigation_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m4",
                      MAX("t30"."forward_citations_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m4",
                      MAX("t30"."ipc_scope_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m4",
                      MAX("t30"."family_size_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m4",
                      MAX("t30"."family_countries_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m4",
                      MAX("t30"."licences_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m4",
                      MAX("t30"."transfers_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m4",
                      MAX("t30"."pledges_m0") OVER (
                        PARTITION BY "t30"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m4"
                    FROM (
                      SELECT
                        "t28"."cell_office",
                        "t28"."cell_field",
                        "t28"."cell_year",
                        "t28"."n0",
                        "t28"."claims_m0",
                        "t28"."invalidation_m0",
                        "t28"."litigation_m0",
                        "t28"."forward_citations_m0",
                        "t28"."ipc_scope_m0",
                        "t28"."family_size_m0",
                        "t28"."family_countries_m0",
                        "t28"."licences_m0",
                        "t28"."transfers_m0",
                        "t28"."pledges_m0",
                        SUBSTRING(
                          "t28"."cell_field",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t28"."cell_field") END,
                          3
                        ) AS "cls",
                        SUBSTRING(
                          "t28"."cell_field",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t28"."cell_field") END,
                          1
                        ) AS "sec"
                      FROM (
                        SELECT
                          "t27"."cell_office",
                          "t27"."cell_field",
                          "t27"."cell_year",
                          COUNT(*) AS "n0",
                          MAX("t27"."claims_raw") AS "claims_m0",
                          MAX("t27"."invalidation_raw") AS "invalidation_m0",
                          MAX("t27"."litigation_raw") AS "litigation_m0",
                          MAX("t27"."forward_citations_raw") AS "forward_citations_m0",
                          MAX("t27"."ipc_scope_raw") AS "ipc_scope_m0",
                          MAX("t27"."family_size_raw") AS "family_size_m0",
                          MAX("t27"."family_countries_raw") AS "family_countries_m0",
                          MAX("t27"."licences_raw") AS "licences_m0",
                          MAX("t27"."transfers_raw") AS "transfers_m0",
                          MAX("t27"."pledges_raw") AS "pledges_m0"
                        FROM (
                          SELECT
                            "t21"."pub_number",
                            "t21"."cell_office",
                            "t21"."cell_field",
                            "t21"."cell_year",
                            "t21"."legal_status",
                            "t21"."term_end",
                            "t21"."validity_raw",
                            "t21"."remaining_term_raw",
                            "t21"."claims_raw",
                            "t21"."forward_citations_raw",
                            "t21"."ipc_scope_raw",
                            "t21"."family_size_raw",
                            "t21"."family_countries_raw",
                            "t16"."n_events" IS NOT NULL AS "has_events",
                            COALESCE("t24"."events_share", 0.0) AS "events_share",
                            COALESCE("t24"."events_share", 0.0) >= 0.5 AS "events_known",
                            CASE
                              WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t16"."invalidation", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "invalidation_raw",
                            CASE
                              WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t16"."litigation", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "litigation_raw",
                            CASE
                              WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t16"."licences", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "licences_raw",
                            CASE
                              WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t16"."transfers", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "transfers_raw",
                            CASE
                              WHEN COALESCE("t24"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t16"."pledges", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "pledges_raw"
                          FROM (
                            SELECT
                              "t0"."pub_number",
                              COALESCE("t0"."pub_country", '') AS "cell_office",
                              COALESCE(
                                SUBSTRING(
                                  "t0"."ipc_main",
                                  CASE WHEN (
                                    0 + 1
                                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."ipc_main") END,
                                  4
                                ),
                                '-'
                              ) AS "cell_field",
                              COALESCE(CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT), -1) AS "cell_year",
                              "t0"."legal_status",
                              CASE
                                WHEN "t0"."patent_type" = 'invention'
                                THEN "t0"."app_date" + INTERVAL '20' YEAR
                                WHEN "t0"."patent_type" = 'utility_model'
                                THEN "t0"."app_date" + INTERVAL '10' YEAR
                                WHEN (
                                  "t0"."patent_type" = 'design'
                                )
                                AND (
                                  "t0"."pub_country" = 'US'
                                )
                                AND (
                                  "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                                )
                                THEN "t0"."grant_date" + INTERVAL '15' YEAR
                                WHEN (
                                  "t0"."patent_type" = 'design'
                                ) AND (
                                  "t0"."pub_country" = 'US'
                                )
                                THEN "t0"."grant_date" + INTERVAL '14' YEAR
                                WHEN (
                                  "t0"."patent_type" = 'design'
                                )
                                AND (
                                  "t0"."pub_country" = 'CN'
                                )
                                AND (
                                  "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                                )
                                THEN "t0"."app_date" + INTERVAL '15' YEAR
                                WHEN (
                                  "t0"."patent_type" = 'design'
                                ) AND (
                                  "t0"."pub_country" = 'CN'
                                )
                                THEN "t0"."app_date" + INTERVAL '10' YEAR
                                ELSE CAST(NULL AS DATE)
                              END AS "term_end",
                              "t0"."legal_status" AS "validity_raw",
                              CASE
                                WHEN "t0"."legal_status" IN ('lapsed', 'expired', 'withdrawn', 'rejected', 'abandoned', 'invalidated')
                                THEN 0.0
                                WHEN "t0"."legal_status" IN ('granted', 'pending')
                                AND (
                                  CASE
                                    WHEN "t0"."patent_type" = 'invention'
                                    THEN "t0"."app_date" + INTERVAL '20' YEAR
                                    WHEN "t0"."patent_type" = 'utility_model'
                                    THEN "t0"."app_date" + INTERVAL '10' YEAR
                                    WHEN (
                                      "t0"."patent_type" = 'design'
                                    )
                                    AND (
                                      "t0"."pub_country" = 'US'
                                    )
                                    AND (
                                      "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                                    )
                                    THEN "t0"."grant_date" + INTERVAL '15' YEAR
                                    WHEN (
                                      "t0"."patent_type" = 'design'
                                    ) AND (
                                      "t0"."pub_country" = 'US'
                                    )
                                    THEN "t0"."grant_date" + INTERVAL '14' YEAR
                                    WHEN (
                                      "t0"."patent_type" = 'design'
                                    )
                                    AND (
                                      "t0"."pub_country" = 'CN'
                                    )
                                    AND (
                                      "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                                    )
                                    THEN "t0"."app_date" + INTERVAL '15' YEAR
                                    WHEN (
                                      "t0"."patent_type" = 'design'
                                    ) AND (
                                      "t0"."pub_country" = 'CN'
                                    )
                                    THEN "t0"."app_date" + INTERVAL '10' YEAR
                                    ELSE CAST(NULL AS DATE)
                                  END IS NOT NULL
                                )
                                THEN CAST(GREATEST(
                                  DATE_DIFF(
                                    'DAY',
                                    MAKE_DATE(2024, 1, 1),
                                    CASE
                                      WHEN "t0"."patent_type" = 'invention'
                                      THEN "t0"."app_date" + INTERVAL '20' YEAR
                                      WHEN "t0"."patent_type" = 'utility_model'
                                      THEN "t0"."app_date" + INTERVAL '10' YEAR
                                      WHEN (
                                        "t0"."patent_type" = 'design'
                                      )
                                      AND (
                                        "t0"."pub_country" = 'US'
                                      )
                                      AND (
                                        "t0"."app_date" >= MAKE_DATE(2015, 5, 13)
                                      )
                                      THEN "t0"."grant_date" + INTERVAL '15' YEAR
                                      WHEN (
                                        "t0"."patent_type" = 'design'
                                      ) AND (
                                        "t0"."pub_country" = 'US'
                                      )
                                      THEN "t0"."grant_date" + INTERVAL '14' YEAR
                                      WHEN (
                                        "t0"."patent_type" = 'design'
                                      )
                                      AND (
                                        "t0"."pub_country" = 'CN'
                                      )
                                      AND (
                                        "t0"."app_date" >= MAKE_DATE(2021, 6, 1)
                                      )
                                      THEN "t0"."app_date" + INTERVAL '15' YEAR
                                      WHEN (
                                        "t0"."patent_type" = 'design'
                                      ) AND (
                                        "t0"."pub_country" = 'CN'
                                      )
                                      THEN "t0"."app_date" + INTERVAL '10' YEAR
                                      ELSE CAST(NULL AS DATE)
                                    END
                                  ),
                                  0
                                ) AS DOUBLE) / 365.25
                                ELSE CAST(NULL AS DOUBLE)
                              END AS "remaining_term_raw",
                              "t0"."claims_count" AS "claims_raw",
                              "t0"."cited_by_count" AS "forward_citations_raw",
                              CASE
                                WHEN ARRAY_LENGTH(
                                  CASE
                                    WHEN LIST_APPLY(
                                      "t0"."ipc",
                                      LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                    ) IS NULL
                                    THEN NULL
                                    ELSE LIST_DISTINCT(
                                      LIST_APPLY(
                                        "t0"."ipc",
                                        LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                      )
                                    ) + CASE
                                      WHEN LIST_BOOL_OR(
                                        LIST_APPLY(
                                          LIST_APPLY(
                                            "t0"."ipc",
                                            LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                          ),
                                          LAMBDA x : x IS NULL
                                        )
                                      )
                                      THEN [NULL]
                                      ELSE []
                                    END
                                  END
                                ) > 0
                                THEN ARRAY_LENGTH(
                                  CASE
                                    WHEN LIST_APPLY(
                                      "t0"."ipc",
                                      LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                    ) IS NULL
                                    THEN NULL
                                    ELSE LIST_DISTINCT(
                                      LIST_APPLY(
                                        "t0"."ipc",
                                        LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                      )
                                    ) + CASE
                                      WHEN LIST_BOOL_OR(
                                        LIST_APPLY(
                                          LIST_APPLY(
                                            "t0"."ipc",
                                            LAMBDA __ibis_param_s__ : ARRAY_SLICE(__ibis_param_s__, COALESCE(NULL, 1), COALESCE(4, -1))
                                          ),
                                          LAMBDA x : x IS NULL
                                        )
                                      )
                                      THEN [NULL]
                                      ELSE []
                                    END
                                  END
                                )
                                ELSE CAST(NULL AS BIGINT)
                              END AS "ipc_scope_raw",
                              "t0"."family_size" AS "family_size_raw",
                              CASE
                                WHEN ARRAY_LENGTH("t0"."family_countries") > 0
                                THEN ARRAY_LENGTH(
                                  CASE
                                    WHEN "t0"."family_countries" IS NULL
                                    THEN NULL
                                    ELSE LIST_DISTINCT("t0"."family_countries") + CASE
                                      WHEN LIST_BOOL_OR(LIST_APPLY("t0"."family_countries", LAMBDA x : x IS NULL))
                                      THEN [NULL]
                                      ELSE []
                                    END
                                  END
                                )
                                ELSE CAST(NULL AS BIGINT)
                              END AS "family_countries_raw"
                            FROM "patents" AS "t0"
                          ) AS "t21"
                          LEFT OUTER JOIN (
                            SELECT
                              "t2"."pub_number",
                              COUNT(*) AS "n_events",
                              COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                                "t2"."category" IN ('opposition', 'invalidation')) AS "invalidation",
                              COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                                "t2"."category" IN ('litigation')) AS "litigation",
                              COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                                "t2"."category" IN ('licence')) AS "licences",
                              COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                                "t2"."category" IN ('transfer')) AS "transfers",
                              COUNT(DISTINCT COALESCE("t2"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                                "t2"."category" IN ('pledge')) AS "pledges"
                            FROM "legal_events" AS "t2"
                            GROUP BY
                              1
                          ) AS "t16"
                            ON "t21"."pub_number" = "t16"."pub_number"
                          LEFT OUTER JOIN (
                            SELECT
                              "t17"."cell_office",
                              CAST(SUM(CAST("t17"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
                            FROM (
                              SELECT
                                "t9"."cell_office",
                                "t7"."pub_number" IS NOT NULL AS "has"
                              FROM (
                                SELECT
                                  "t0"."pub_number",
                                  COALESCE("t0"."pub_country", '') AS "cell_office"
                                FROM "patents" AS "t0"
                              ) AS "t9"
                              LEFT OUTER JOIN (
                                SELECT DISTINCT
                                  "t2"."pub_number"
                                FROM "legal_events" AS "t2"
                              ) AS "t7"
                                ON "t9"."pub_number" = "t7"."pub_number"
                            ) AS "t17"
                            GROUP BY
                              1
                          ) AS "t24"
                            ON "t21"."cell_office" = "t24"."cell_office"
                        ) AS "t27"
                        GROUP BY
                          1,
                          2,
                          3
                      ) AS "t28"
                    ) AS "t30"
                  ) AS "t31"
                ) AS "t35"
                  ON "t21"."cell_office" = "t35"."cell_office"
                  AND "t21"."cell_field" = "t35"."cell_field"
                  AND "t21"."cell_year" = "t35"."cell_year"
              ) AS "t36"
            ) AS "t37"
          ) AS "t38"
        ) AS "t39"
      ) AS "t40"
    ) AS "t42"
      ON "t33"."pub_number" = "t42"."pub_number"
  ) AS "t43"
) AS "t44"
ORDER BY
  "t44"."rank" ASC
