SELECT
  *
FROM (
  SELECT
    "t31"."pub_number",
    "t31"."app_number",
    "t31"."title",
    "t31"."applicants",
    "t31"."province",
    "t31"."city",
    "t31"."app_date",
    "t31"."grant_date",
    "t31"."patent_type",
    "t31"."ipc_main",
    "t31"."sei_codes",
    "t31"."reason",
    "t31"."legal_status_raw",
    "t31"."end_date",
    "t31"."end_basis",
    "t31"."ended_after",
    "t31"."value_score",
    "t31"."core",
    (
      ROW_NUMBER() OVER (
        ORDER BY "t31"."value_score" DESC, "t31"."pub_number" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "rank"
  FROM (
    SELECT
      "t17"."pub_number",
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
      "t17"."reason",
      "t3"."legal_status_raw",
      "t17"."end_date",
      "t17"."end_basis",
      "t17"."ended_after",
      "t30"."value_score",
      COALESCE("t30"."core", FALSE) AS "core"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t1"."akey",
          "t1"."pub_number",
          "t1"."legal_status" AS "reason",
          CASE
            WHEN "t1"."status_end" IS NOT NULL
            THEN "t1"."status_end"
            WHEN (
              "t1"."legal_status" = 'expired'
            )
            AND (
              "t1"."term_end" IS NOT NULL
            )
            AND (
              "t1"."term_end" <= MAKE_DATE(2024, 1, 1)
            )
            THEN "t1"."term_end"
            ELSE CAST(NULL AS DATE)
          END AS "end_date",
          CASE
            WHEN "t1"."status_end" IS NOT NULL
            THEN 'event'
            WHEN (
              "t1"."legal_status" = 'expired'
            )
            AND (
              "t1"."term_end" IS NOT NULL
            )
            AND (
              "t1"."term_end" <= MAKE_DATE(2024, 1, 1)
            )
            THEN 'term'
            ELSE 'unknown'
          END AS "end_basis",
          CASE
            WHEN CASE
              WHEN "t1"."status_end" IS NOT NULL
              THEN "t1"."status_end"
              WHEN (
                "t1"."legal_status" = 'expired'
              )
              AND (
                "t1"."term_end" IS NOT NULL
              )
              AND (
                "t1"."term_end" <= MAKE_DATE(2024, 1, 1)
              )
              THEN "t1"."term_end"
              ELSE CAST(NULL AS DATE)
            END IS NULL
            THEN CASE
              WHEN "t1"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned')
              AND (
                "t1"."grant_date" IS NOT NULL
              )
              THEN "t1"."grant_date"
              ELSE "t1"."pub_date"
            END
            ELSE CAST(NULL AS DATE)
          END AS "ended_after"
        FROM "_seip_applications" AS "t1"
        WHERE
          COALESCE(ARRAY_CONTAINS("t1"."sei_codes", '1.5'), FALSE)
          AND "t1"."legal_status" IN ('lapsed', 'expired', 'invalidated', 'abandoned', 'withdrawn', 'rejected')
          AND COALESCE("t1"."pub_country", '') <> 'WO'
      ) AS "t11"
      WHERE
        COALESCE(
          (
            "t11"."end_date" >= MAKE_DATE(2020, 1, 1)
          )
          OR (
            (
              "t11"."end_date" IS NULL
            )
            AND (
              "t11"."ended_after" >= MAKE_DATE(2020, 1, 1)
            )
          ),
          FALSE
        )
    ) AS "t17"
    INNER JOIN "patents" AS "t3"
      ON "t17"."pub_number" = "t3"."pub_number"
    LEFT OUTER JOIN (
      SELECT
        "t28"."pub_number",
        "t28"."value_score",
        (
          "t28"."value_score" IS NOT NULL
        )
        AND (
          "t28"."cell_scored" >= 10
        )
        AND (
          CAST("t28"."cell_rank" AS DOUBLE) <= CAST(FLOOR(CAST("t28"."cell_scored" AS DOUBLE) * 0.1) AS BIGINT)
        ) AS "core"
      FROM (
        SELECT
          "t27"."pub_number",
          "t27"."cell_office",
          "t27"."cell_field",
          "t27"."cell_year",
          "t27"."legal_status",
          "t27"."term_end",
          "t27"."validity_raw",
          "t27"."remaining_term_raw",
          "t27"."claims_raw",
          "t27"."forward_citations_raw",
          "t27"."ipc_scope_raw",
          "t27"."family_size_raw",
          "t27"."family_countries_raw",
          "t27"."has_events",
          "t27"."events_share",
          "t27"."events_known",
          "t27"."invalidation_raw",
          "t27"."litigation_raw",
          "t27"."licences_raw",
          "t27"."transfers_raw",
          "t27"."pledges_raw",
          "t27"."cell_patents",
          "t27"."cohort_office",
          "t27"."cohort_field",
          "t27"."cohort_year",
          "t27"."cohort_level",
          "t27"."cohort_patents",
          "t27"."claims_max",
          "t27"."invalidation_max",
          "t27"."litigation_max",
          "t27"."forward_citations_max",
          "t27"."ipc_scope_max",
          "t27"."family_size_max",
          "t27"."family_countries_max",
          "t27"."licences_max",
          "t27"."transfers_max",
          "t27"."pledges_max",
          "t27"."validity_norm",
          "t27"."remaining_term_norm",
          "t27"."claims_norm",
          "t27"."invalidation_norm",
          "t27"."litigation_norm",
          "t27"."forward_citations_norm",
          "t27"."ipc_scope_norm",
          "t27"."family_size_norm",
          "t27"."family_countries_norm",
          "t27"."licences_norm",
          "t27"."transfers_norm",
          "t27"."pledges_norm",
          "t27"."value_legal",
          "t27"."value_technical",
          "t27"."value_economic",
          "t27"."coverage_legal",
          "t27"."coverage_technical",
          "t27"."coverage_economic",
          "t27"."value_coverage",
          "t27"."value_score",
          SUM(CAST("t27"."value_score" IS NOT NULL AS BIGINT)) OVER (
            PARTITION BY "t27"."cell_office", "t27"."cell_field", "t27"."cell_year"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "cell_scored",
          CASE
            WHEN "t27"."value_score" IS NOT NULL
            THEN (
              RANK() OVER (
                PARTITION BY "t27"."cell_office", "t27"."cell_field", "t27"."cell_year"
                ORDER BY "t27"."value_score" DESC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1
            ELSE CAST(NULL AS BIGINT)
          END AS "cell_rank"
        FROM (
          SELECT
            "t26"."pub_number",
            "t26"."cell_office",
            "t26"."cell_field",
            "t26"."cell_year",
            "t26"."legal_status",
            "t26"."term_end",
            "t26"."validity_raw",
            "t26"."remaining_term_raw",
            "t26"."claims_raw",
            "t26"."forward_citations_raw",
            "t26"."ipc_scope_raw",
            "t26"."family_size_raw",
            "t26"."family_countries_raw",
            "t26"."has_events",
            "t26"."events_share",
            "t26"."events_known",
            "t26"."invalidation_raw",
            "t26"."litigation_raw",
            "t26"."licences_raw",
            "t26"."transfers_raw",
            "t26"."pledges_raw",
            "t26"."cell_patents",
            "t26"."cohort_office",
            "t26"."cohort_field",
            "t26"."cohort_year",
            "t26"."cohort_level",
            "t26"."cohort_patents",
            "t26"."claims_max",
            "t26"."invalidation_max",
            "t26"."litigation_max",
            "t26"."forward_citations_max",
            "t26"."ipc_scope_max",
            "t26"."family_size_max",
            "t26"."family_countries_max",
            "t26"."licences_max",
            "t26"."transfers_max",
            "t26"."pledges_max",
            "t26"."validity_norm",
            "t26"."remaining_term_norm",
            "t26"."claims_norm",
            "t26"."invalidation_norm",
            "t26"."litigation_norm",
            "t26"."forward_citations_norm",
            "t26"."ipc_scope_norm",
            "t26"."family_size_norm",
            "t26"."family_countries_norm",
            "t26"."licences_norm",
            "t26"."transfers_norm",
            "t26"."pledges_norm",
            "t26"."value_legal",
            "t26"."value_technical",
            "t26"."value_economic",
            "t26"."coverage_legal",
            "t26"."coverage_technical",
            "t26"."coverage_economic",
            CAST(CAST(FLOOR(
              (
                (
                  CASE
                    WHEN "t26"."value_legal" IS NOT NULL
                    THEN "t26"."coverage_legal" * 0.3333333333333333
                    ELSE 0.0
                  END + CASE
                    WHEN "t26"."value_technical" IS NOT NULL
                    THEN "t26"."coverage_technical" * 0.3333333333333333
                    ELSE 0.0
                  END + CASE
                    WHEN "t26"."value_economic" IS NOT NULL
                    THEN "t26"."coverage_economic" * 0.3333333333333333
                    ELSE 0.0
                  END
                ) * 1000000.0
              ) + 0.5
            ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "value_coverage",
            CASE
              WHEN (
                CASE
                  WHEN "t26"."value_legal" IS NOT NULL
                  THEN "t26"."coverage_legal" * 0.3333333333333333
                  ELSE 0.0
                END + CASE
                  WHEN "t26"."value_technical" IS NOT NULL
                  THEN "t26"."coverage_technical" * 0.3333333333333333
                  ELSE 0.0
                END + CASE
                  WHEN "t26"."value_economic" IS NOT NULL
                  THEN "t26"."coverage_economic" * 0.3333333333333333
                  ELSE 0.0
                END
              ) >= 0.499999999
              THEN CAST(CAST(FLOOR(
                (
                  (
                    (
                      (
                        COALESCE("t26"."value_legal", 0.0) * 0.3333333333333333
                      ) + (
                        COALESCE("t26"."value_technical", 0.0) * 0.3333333333333333
                      ) + (
                        COALESCE("t26"."value_economic", 0.0) * 0.3333333333333333
                      )
                    ) / (
                      CASE WHEN "t26"."value_legal" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t26"."value_technical" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t26"."value_economic" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END
                    )
                  ) * 10000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 10000.0
              ELSE CAST(NULL AS DOUBLE)
            END AS "value_score"
          FROM (
            SELECT
              "t25"."pub_number",
              "t25"."cell_office",
              "t25"."cell_field",
              "t25"."cell_year",
              "t25"."legal_status",
              "t25"."term_end",
              "t25"."validity_raw",
              "t25"."remaining_term_raw",
              "t25"."claims_raw",
              "t25"."forward_citations_raw",
              "t25"."ipc_scope_raw",
              "t25"."family_size_raw",
              "t25"."family_countries_raw",
              "t25"."has_events",
              "t25"."events_share",
              "t25"."events_known",
              "t25"."invalidation_raw",
              "t25"."litigation_raw",
              "t25"."licences_raw",
              "t25"."transfers_raw",
              "t25"."pledges_raw",
              "t25"."cell_patents",
              "t25"."cohort_office",
              "t25"."cohort_field",
              "t25"."cohort_year",
              "t25"."cohort_level",
              "t25"."cohort_patents",
              "t25"."claims_max",
              "t25"."invalidation_max",
              "t25"."litigation_max",
              "t25"."forward_citations_max",
              "t25"."ipc_scope_max",
              "t25"."family_size_max",
              "t25"."family_countries_max",
              "t25"."licences_max",
              "t25"."transfers_max",
              "t25"."pledges_max",
              "t25"."validity_norm",
              "t25"."remaining_term_norm",
              "t25"."claims_norm",
              "t25"."invalidation_norm",
              "t25"."litigation_norm",
              "t25"."forward_citations_norm",
              "t25"."ipc_scope_norm",
              "t25"."family_size_norm",
              "t25"."family_countries_norm",
              "t25"."licences_norm",
              "t25"."transfers_norm",
              "t25"."pledges_norm",
              CASE
                WHEN (
                  (
                    CASE WHEN "t25"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t25"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t25"."validity_norm", 0.0) * 0.3
                          ) + (
                            COALESCE("t25"."remaining_term_norm", 0.0) * 0.3
                          ) + (
                            COALESCE("t25"."claims_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t25"."invalidation_norm", 0.0) * 0.1
                          ) + (
                            COALESCE("t25"."litigation_norm", 0.0) * 0.1
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t25"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t25"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                      )
                    ) * 10000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 10000.0
                ELSE CAST(NULL AS DOUBLE)
              END AS "value_legal",
              CASE
                WHEN (
                  (
                    CASE WHEN "t25"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t25"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t25"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t25"."forward_citations_norm", 0.0) * 0.5
                          ) + (
                            COALESCE("t25"."ipc_scope_norm", 0.0) * 0.25
                          ) + (
                            COALESCE("t25"."family_size_norm", 0.0) * 0.25
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t25"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t25"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t25"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                      )
                    ) * 10000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 10000.0
                ELSE CAST(NULL AS DOUBLE)
              END AS "value_technical",
              CASE
                WHEN (
                  (
                    CASE WHEN "t25"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t25"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
                  ) / 1.0
                ) >= 0.399999999
                THEN CAST(CAST(FLOOR(
                  (
                    (
                      (
                        (
                          (
                            COALESCE("t25"."family_countries_norm", 0.0) * 0.4
                          ) + (
                            COALESCE("t25"."licences_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t25"."transfers_norm", 0.0) * 0.2
                          ) + (
                            COALESCE("t25"."pledges_norm", 0.0) * 0.2
                          )
                        ) * 100.0
                      ) / (
                        CASE WHEN "t25"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t25"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
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
                      CASE WHEN "t25"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t25"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t25"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_legal",
              CAST(CAST(FLOOR(
                (
                  (
                    (
                      CASE WHEN "t25"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t25"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t25"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_technical",
              CAST(CAST(FLOOR(
                (
                  (
                    (
                      CASE WHEN "t25"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t25"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t25"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
                    ) / 1.0
                  ) * 1000000.0
                ) + 0.5
              ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_economic"
            FROM (
              SELECT
                "t24"."pub_number",
                "t24"."cell_office",
                "t24"."cell_field",
                "t24"."cell_year",
                "t24"."legal_status",
                "t24"."term_end",
                "t24"."validity_raw",
                "t24"."remaining_term_raw",
                "t24"."claims_raw",
                "t24"."forward_citations_raw",
                "t24"."ipc_scope_raw",
                "t24"."family_size_raw",
                "t24"."family_countries_raw",
                "t24"."has_events",
                "t24"."events_share",
                "t24"."events_known",
                "t24"."invalidation_raw",
                "t24"."litigation_raw",
                "t24"."licences_raw",
                "t24"."transfers_raw",
                "t24"."pledges_raw",
                "t24"."cell_patents",
                "t24"."cohort_office",
                "t24"."cohort_field",
                "t24"."cohort_year",
                "t24"."cohort_level",
                "t24"."cohort_patents",
                "t24"."claims_max",
                "t24"."invalidation_max",
                "t24"."litigation_max",
                "t24"."forward_citations_max",
                "t24"."ipc_scope_max",
                "t24"."family_size_max",
                "t24"."family_countries_max",
                "t24"."licences_max",
                "t24"."transfers_max",
                "t24"."pledges_max",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN "t24"."legal_status" IN ('lapsed', 'expired', 'withdrawn', 'rejected', 'abandoned', 'invalidated')
                      THEN 0.0
                      WHEN "t24"."legal_status" IN ('granted', 'pending')
                      AND (
                        (
                          "t24"."term_end" IS NOT NULL
                        )
                        AND (
                          "t24"."term_end" <= MAKE_DATE(2024, 1, 1)
                        )
                      )
                      THEN 0.0
                      WHEN "t24"."legal_status" = 'granted'
                      THEN 1.0
                      WHEN "t24"."legal_status" = 'pending'
                      THEN 0.5
                      ELSE CAST(NULL AS DOUBLE)
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "validity_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN "t24"."remaining_term_raw" IS NULL
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."remaining_term_raw" >= 20.0
                      THEN 1.0
                      ELSE "t24"."remaining_term_raw" / 20.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "remaining_term_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."claims_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."claims_max" > 0
                      THEN CAST("t24"."claims_raw" AS DOUBLE) / CAST("t24"."claims_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "claims_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."invalidation_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."invalidation_max" > 0
                      THEN CAST("t24"."invalidation_raw" AS DOUBLE) / CAST("t24"."invalidation_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "invalidation_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."litigation_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."litigation_max" > 0
                      THEN CAST("t24"."litigation_raw" AS DOUBLE) / CAST("t24"."litigation_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "litigation_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."forward_citations_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."forward_citations_max" > 0
                      THEN CAST("t24"."forward_citations_raw" AS DOUBLE) / CAST("t24"."forward_citations_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "forward_citations_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."ipc_scope_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."ipc_scope_max" > 0
                      THEN CAST("t24"."ipc_scope_raw" AS DOUBLE) / CAST("t24"."ipc_scope_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "ipc_scope_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."family_size_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."family_size_max" > 0
                      THEN CAST("t24"."family_size_raw" AS DOUBLE) / CAST("t24"."family_size_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_size_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."family_countries_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."family_countries_max" > 0
                      THEN CAST("t24"."family_countries_raw" AS DOUBLE) / CAST("t24"."family_countries_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_countries_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."licences_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."licences_max" > 0
                      THEN CAST("t24"."licences_raw" AS DOUBLE) / CAST("t24"."licences_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "licences_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."transfers_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."transfers_max" > 0
                      THEN CAST("t24"."transfers_raw" AS DOUBLE) / CAST("t24"."transfers_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "transfers_norm",
                CAST(CAST(FLOOR(
                  (
                    CASE
                      WHEN (
                        "t24"."pledges_raw" IS NULL
                      ) OR (
                        "t24"."cohort_patents" < 10
                      )
                      THEN CAST(NULL AS DOUBLE)
                      WHEN "t24"."pledges_max" > 0
                      THEN CAST("t24"."pledges_raw" AS DOUBLE) / CAST("t24"."pledges_max" AS DOUBLE)
                      ELSE 0.0
                    END * 1000000.0
                  ) + 0.5
                ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "pledges_norm"
              FROM (
                SELECT
                  "t13"."pub_number",
                  "t13"."cell_office",
                  "t13"."cell_field",
                  "t13"."cell_year",
                  "t13"."legal_status",
                  "t13"."term_end",
                  "t13"."validity_raw",
                  "t13"."remaining_term_raw",
                  "t13"."claims_raw",
                  "t13"."forward_citations_raw",
                  "t13"."ipc_scope_raw",
                  "t13"."family_size_raw",
                  "t13"."family_countries_raw",
                  "t9"."n_events" IS NOT NULL AS "has_events",
                  COALESCE("t16"."events_share", 0.0) AS "events_share",
                  COALESCE("t16"."events_share", 0.0) >= 0.5 AS "events_known",
                  CASE
                    WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t9"."invalidation", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "invalidation_raw",
                  CASE
                    WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t9"."litigation", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "litigation_raw",
                  CASE
                    WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t9"."licences", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "licences_raw",
                  CASE
                    WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t9"."transfers", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "transfers_raw",
                  CASE
                    WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                    THEN COALESCE("t9"."pledges", 0)
                    ELSE CAST(NULL AS BIGINT)
                  END AS "pledges_raw",
                  "t23"."cell_patents",
                  "t23"."cohort_office",
                  "t23"."cohort_field",
                  "t23"."cohort_year",
                  "t23"."cohort_level",
                  "t23"."cohort_patents",
                  "t23"."claims_max",
                  "t23"."invalidation_max",
                  "t23"."litigation_max",
                  "t23"."forward_citations_max",
                  "t23"."ipc_scope_max",
                  "t23"."family_size_max",
                  "t23"."family_countries_max",
                  "t23"."licences_max",
                  "t23"."transfers_max",
                  "t23"."pledges_max"
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
                ) AS "t13"
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
                ) AS "t9"
                  ON "t13"."pub_number" = "t9"."pub_number"
                LEFT OUTER JOIN (
                  SELECT
                    "t10"."cell_office",
                    CAST(SUM(CAST("t10"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
                  FROM (
                    SELECT
                      "t7"."cell_office",
                      "t6"."pub_number" IS NOT NULL AS "has"
                    FROM (
                      SELECT
                        "t0"."pub_number",
                        COALESCE("t0"."pub_country", '') AS "cell_office"
                      FROM "patents" AS "t0"
                    ) AS "t7"
                    LEFT OUTER JOIN (
                      SELECT DISTINCT
                        "t2"."pub_number"
                      FROM "legal_events" AS "t2"
                    ) AS "t6"
                      ON "t7"."pub_number" = "t6"."pub_number"
                  ) AS "t10"
                  GROUP BY
                    1
                ) AS "t16"
                  ON "t13"."cell_office" = "t16"."cell_office"
                INNER JOIN (
                  SELECT
                    "t21"."cell_office",
                    "t21"."cell_field",
                    "t21"."cell_year",
                    "t21"."n0" AS "cell_patents",
                    "t21"."cell_office" AS "cohort_office",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 0
                      THEN "t21"."cell_field"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."cls"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."sec"
                      ELSE '*'
                    END AS "cohort_field",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN 0
                      ELSE "t21"."cell_year"
                    END AS "cohort_year",
                    CAST(CASE
                      WHEN "t21"."n0" >= 10
                      THEN 0
                      WHEN "t21"."n1" >= 10
                      THEN 1
                      WHEN "t21"."n2" >= 10
                      THEN 2
                      WHEN "t21"."n3" >= 10
                      THEN 3
                      ELSE 4
                    END AS BIGINT) AS "cohort_level",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."n1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."n2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."n3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."n4"
                      ELSE "t21"."n0"
                    END AS "cohort_patents",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."claims_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."claims_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."claims_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."claims_m4"
                      ELSE "t21"."claims_m0"
                    END AS "claims_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."invalidation_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."invalidation_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."invalidation_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."invalidation_m4"
                      ELSE "t21"."invalidation_m0"
                    END AS "invalidation_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."litigation_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."litigation_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."litigation_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."litigation_m4"
                      ELSE "t21"."litigation_m0"
                    END AS "litigation_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."forward_citations_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."forward_citations_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."forward_citations_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."forward_citations_m4"
                      ELSE "t21"."forward_citations_m0"
                    END AS "forward_citations_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."ipc_scope_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."ipc_scope_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."ipc_scope_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."ipc_scope_m4"
                      ELSE "t21"."ipc_scope_m0"
                    END AS "ipc_scope_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."family_size_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."family_size_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."family_size_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."family_size_m4"
                      ELSE "t21"."family_size_m0"
                    END AS "family_size_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."family_countries_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."family_countries_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."family_countries_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."family_countries_m4"
                      ELSE "t21"."family_countries_m0"
                    END AS "family_countries_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."licences_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."licences_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."licences_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."licences_m4"
                      ELSE "t21"."licences_m0"
                    END AS "licences_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."transfers_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."transfers_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."transfers_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."transfers_m4"
                      ELSE "t21"."transfers_m0"
                    END AS "transfers_max",
                    CASE
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 1
                      THEN "t21"."pledges_m1"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 2
                      THEN "t21"."pledges_m2"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 3
                      THEN "t21"."pledges_m3"
                      WHEN CAST(CASE
                        WHEN "t21"."n0" >= 10
                        THEN 0
                        WHEN "t21"."n1" >= 10
                        THEN 1
                        WHEN "t21"."n2" >= 10
                        THEN 2
                        WHEN "t21"."n3" >= 10
                        THEN 3
                        ELSE 4
                      END AS BIGINT) = 4
                      THEN "t21"."pledges_m4"
                      ELSE "t21"."pledges_m0"
                    END AS "pledges_max"
                  FROM (
                    SELECT
                      "t20"."cell_office",
                      "t20"."cell_field",
                      "t20"."cell_year",
                      "t20"."n0",
                      "t20"."claims_m0",
                      "t20"."invalidation_m0",
                      "t20"."litigation_m0",
                      "t20"."forward_citations_m0",
                      "t20"."ipc_scope_m0",
                      "t20"."family_size_m0",
                      "t20"."family_countries_m0",
                      "t20"."licences_m0",
                      "t20"."transfers_m0",
                      "t20"."pledges_m0",
                      "t20"."cls",
                      "t20"."sec",
                      SUM("t20"."n0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n1",
                      MAX("t20"."claims_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m1",
                      MAX("t20"."invalidation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m1",
                      MAX("t20"."litigation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m1",
                      MAX("t20"."forward_citations_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m1",
                      MAX("t20"."ipc_scope_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m1",
                      MAX("t20"."family_size_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m1",
                      MAX("t20"."family_countries_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m1",
                      MAX("t20"."licences_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m1",
                      MAX("t20"."transfers_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m1",
                      MAX("t20"."pledges_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cls", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m1",
                      SUM("t20"."n0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n2",
                      MAX("t20"."claims_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m2",
                      MAX("t20"."invalidation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m2",
                      MAX("t20"."litigation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m2",
                      MAX("t20"."forward_citations_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m2",
                      MAX("t20"."ipc_scope_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m2",
                      MAX("t20"."family_size_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m2",
                      MAX("t20"."family_countries_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m2",
                      MAX("t20"."licences_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m2",
                      MAX("t20"."transfers_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m2",
                      MAX("t20"."pledges_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."sec", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m2",
                      SUM("t20"."n0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n3",
                      MAX("t20"."claims_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m3",
                      MAX("t20"."invalidation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m3",
                      MAX("t20"."litigation_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m3",
                      MAX("t20"."forward_citations_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m3",
                      MAX("t20"."ipc_scope_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m3",
                      MAX("t20"."family_size_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m3",
                      MAX("t20"."family_countries_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m3",
                      MAX("t20"."licences_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m3",
                      MAX("t20"."transfers_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m3",
                      MAX("t20"."pledges_m0") OVER (
                        PARTITION BY "t20"."cell_office", "t20"."cell_year"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m3",
                      SUM("t20"."n0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "n4",
                      MAX("t20"."claims_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "claims_m4",
                      MAX("t20"."invalidation_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "invalidation_m4",
                      MAX("t20"."litigation_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "litigation_m4",
                      MAX("t20"."forward_citations_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "forward_citations_m4",
                      MAX("t20"."ipc_scope_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "ipc_scope_m4",
                      MAX("t20"."family_size_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_size_m4",
                      MAX("t20"."family_countries_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "family_countries_m4",
                      MAX("t20"."licences_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "licences_m4",
                      MAX("t20"."transfers_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "transfers_m4",
                      MAX("t20"."pledges_m0") OVER (
                        PARTITION BY "t20"."cell_office"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) AS "pledges_m4"
                    FROM (
                      SELECT
                        "t19"."cell_office",
                        "t19"."cell_field",
                        "t19"."cell_year",
                        "t19"."n0",
                        "t19"."claims_m0",
                        "t19"."invalidation_m0",
                        "t19"."litigation_m0",
                        "t19"."forward_citations_m0",
                        "t19"."ipc_scope_m0",
                        "t19"."family_size_m0",
                        "t19"."family_countries_m0",
                        "t19"."licences_m0",
                        "t19"."transfers_m0",
                        "t19"."pledges_m0",
                        SUBSTRING(
                          "t19"."cell_field",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t19"."cell_field") END,
                          3
                        ) AS "cls",
                        SUBSTRING(
                          "t19"."cell_field",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t19"."cell_field") END,
                          1
                        ) AS "sec"
                      FROM (
                        SELECT
                          "t18"."cell_office",
                          "t18"."cell_field",
                          "t18"."cell_year",
                          COUNT(*) AS "n0",
                          MAX("t18"."claims_raw") AS "claims_m0",
                          MAX("t18"."invalidation_raw") AS "invalidation_m0",
                          MAX("t18"."litigation_raw") AS "litigation_m0",
                          MAX("t18"."forward_citations_raw") AS "forward_citations_m0",
                          MAX("t18"."ipc_scope_raw") AS "ipc_scope_m0",
                          MAX("t18"."family_size_raw") AS "family_size_m0",
                          MAX("t18"."family_countries_raw") AS "family_countries_m0",
                          MAX("t18"."licences_raw") AS "licences_m0",
                          MAX("t18"."transfers_raw") AS "transfers_m0",
                          MAX("t18"."pledges_raw") AS "pledges_m0"
                        FROM (
                          SELECT
                            "t13"."pub_number",
                            "t13"."cell_office",
                            "t13"."cell_field",
                            "t13"."cell_year",
                            "t13"."legal_status",
                            "t13"."term_end",
                            "t13"."validity_raw",
                            "t13"."remaining_term_raw",
                            "t13"."claims_raw",
                            "t13"."forward_citations_raw",
                            "t13"."ipc_scope_raw",
                            "t13"."family_size_raw",
                            "t13"."family_countries_raw",
                            "t9"."n_events" IS NOT NULL AS "has_events",
                            COALESCE("t16"."events_share", 0.0) AS "events_share",
                            COALESCE("t16"."events_share", 0.0) >= 0.5 AS "events_known",
                            CASE
                              WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t9"."invalidation", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "invalidation_raw",
                            CASE
                              WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t9"."litigation", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "litigation_raw",
                            CASE
                              WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t9"."licences", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "licences_raw",
                            CASE
                              WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t9"."transfers", 0)
                              ELSE CAST(NULL AS BIGINT)
                            END AS "transfers_raw",
                            CASE
                              WHEN COALESCE("t16"."events_share", 0.0) >= 0.5
                              THEN COALESCE("t9"."pledges", 0)
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
                          ) AS "t13"
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
                          ) AS "t9"
                            ON "t13"."pub_number" = "t9"."pub_number"
                          LEFT OUTER JOIN (
                            SELECT
                              "t10"."cell_office",
                              CAST(SUM(CAST("t10"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
                            FROM (
                              SELECT
                                "t7"."cell_office",
                                "t6"."pub_number" IS NOT NULL AS "has"
                              FROM (
                                SELECT
                                  "t0"."pub_number",
                                  COALESCE("t0"."pub_country", '') AS "cell_office"
                                FROM "patents" AS "t0"
                              ) AS "t7"
                              LEFT OUTER JOIN (
                                SELECT DISTINCT
                                  "t2"."pub_number"
                                FROM "legal_events" AS "t2"
                              ) AS "t6"
                                ON "t7"."pub_number" = "t6"."pub_number"
                            ) AS "t10"
                            GROUP BY
                              1
                          ) AS "t16"
                            ON "t13"."cell_office" = "t16"."cell_office"
                        ) AS "t18"
                        GROUP BY
                          1,
                          2,
                          3
                      ) AS "t19"
                    ) AS "t20"
                  ) AS "t21"
                ) AS "t23"
                  ON "t13"."cell_office" = "t23"."cell_office"
                  AND "t13"."cell_field" = "t23"."cell_field"
                  AND "t13"."cell_year" = "t23"."cell_year"
              ) AS "t24"
            ) AS "t25"
          ) AS "t26"
        ) AS "t27"
      ) AS "t28"
    ) AS "t30"
      ON "t17"."pub_number" = "t30"."pub_number"
  ) AS "t31"
) AS "t32"
ORDER BY
  "t32"."rank" ASC
