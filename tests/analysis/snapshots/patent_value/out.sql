SELECT
  "t23"."pub_number",
  "t23"."value_legal",
  "t23"."value_technical",
  "t23"."value_economic",
  "t23"."value_score",
  "t23"."value_coverage",
  "t23"."cell_rank",
  "t23"."cell_scored",
  (
    "t23"."value_score" IS NOT NULL
  )
  AND (
    "t23"."cell_scored" >= 10
  )
  AND (
    CAST("t23"."cell_rank" AS DOUBLE) <= CAST(FLOOR(CAST("t23"."cell_scored" AS DOUBLE) * 0.1) AS BIGINT)
  ) AS "core",
  "t23"."validity_norm",
  "t23"."term_end"
FROM (
  SELECT
    "t22"."pub_number",
    "t22"."cell_office",
    "t22"."cell_field",
    "t22"."cell_year",
    "t22"."legal_status",
    "t22"."term_end",
    "t22"."validity_raw",
    "t22"."remaining_term_raw",
    "t22"."claims_raw",
    "t22"."forward_citations_raw",
    "t22"."ipc_scope_raw",
    "t22"."family_size_raw",
    "t22"."family_countries_raw",
    "t22"."has_events",
    "t22"."events_share",
    "t22"."events_known",
    "t22"."invalidation_raw",
    "t22"."litigation_raw",
    "t22"."licences_raw",
    "t22"."transfers_raw",
    "t22"."pledges_raw",
    "t22"."cell_patents",
    "t22"."cohort_office",
    "t22"."cohort_field",
    "t22"."cohort_year",
    "t22"."cohort_level",
    "t22"."cohort_patents",
    "t22"."claims_max",
    "t22"."invalidation_max",
    "t22"."litigation_max",
    "t22"."forward_citations_max",
    "t22"."ipc_scope_max",
    "t22"."family_size_max",
    "t22"."family_countries_max",
    "t22"."licences_max",
    "t22"."transfers_max",
    "t22"."pledges_max",
    "t22"."validity_norm",
    "t22"."remaining_term_norm",
    "t22"."claims_norm",
    "t22"."invalidation_norm",
    "t22"."litigation_norm",
    "t22"."forward_citations_norm",
    "t22"."ipc_scope_norm",
    "t22"."family_size_norm",
    "t22"."family_countries_norm",
    "t22"."licences_norm",
    "t22"."transfers_norm",
    "t22"."pledges_norm",
    "t22"."value_legal",
    "t22"."value_technical",
    "t22"."value_economic",
    "t22"."coverage_legal",
    "t22"."coverage_technical",
    "t22"."coverage_economic",
    "t22"."value_coverage",
    "t22"."value_score",
    SUM(CAST("t22"."value_score" IS NOT NULL AS BIGINT)) OVER (
      PARTITION BY "t22"."cell_office", "t22"."cell_field", "t22"."cell_year"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "cell_scored",
    CASE
      WHEN "t22"."value_score" IS NOT NULL
      THEN (
        RANK() OVER (
          PARTITION BY "t22"."cell_office", "t22"."cell_field", "t22"."cell_year"
          ORDER BY "t22"."value_score" DESC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1
      ELSE CAST(NULL AS BIGINT)
    END AS "cell_rank"
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
      "t21"."has_events",
      "t21"."events_share",
      "t21"."events_known",
      "t21"."invalidation_raw",
      "t21"."litigation_raw",
      "t21"."licences_raw",
      "t21"."transfers_raw",
      "t21"."pledges_raw",
      "t21"."cell_patents",
      "t21"."cohort_office",
      "t21"."cohort_field",
      "t21"."cohort_year",
      "t21"."cohort_level",
      "t21"."cohort_patents",
      "t21"."claims_max",
      "t21"."invalidation_max",
      "t21"."litigation_max",
      "t21"."forward_citations_max",
      "t21"."ipc_scope_max",
      "t21"."family_size_max",
      "t21"."family_countries_max",
      "t21"."licences_max",
      "t21"."transfers_max",
      "t21"."pledges_max",
      "t21"."validity_norm",
      "t21"."remaining_term_norm",
      "t21"."claims_norm",
      "t21"."invalidation_norm",
      "t21"."litigation_norm",
      "t21"."forward_citations_norm",
      "t21"."ipc_scope_norm",
      "t21"."family_size_norm",
      "t21"."family_countries_norm",
      "t21"."licences_norm",
      "t21"."transfers_norm",
      "t21"."pledges_norm",
      "t21"."value_legal",
      "t21"."value_technical",
      "t21"."value_economic",
      "t21"."coverage_legal",
      "t21"."coverage_technical",
      "t21"."coverage_economic",
      CAST(CAST(FLOOR(
        (
          (
            CASE
              WHEN "t21"."value_legal" IS NOT NULL
              THEN "t21"."coverage_legal" * 0.3333333333333333
              ELSE 0.0
            END + CASE
              WHEN "t21"."value_technical" IS NOT NULL
              THEN "t21"."coverage_technical" * 0.3333333333333333
              ELSE 0.0
            END + CASE
              WHEN "t21"."value_economic" IS NOT NULL
              THEN "t21"."coverage_economic" * 0.3333333333333333
              ELSE 0.0
            END
          ) * 1000000.0
        ) + 0.5
      ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "value_coverage",
      CASE
        WHEN (
          CASE
            WHEN "t21"."value_legal" IS NOT NULL
            THEN "t21"."coverage_legal" * 0.3333333333333333
            ELSE 0.0
          END + CASE
            WHEN "t21"."value_technical" IS NOT NULL
            THEN "t21"."coverage_technical" * 0.3333333333333333
            ELSE 0.0
          END + CASE
            WHEN "t21"."value_economic" IS NOT NULL
            THEN "t21"."coverage_economic" * 0.3333333333333333
            ELSE 0.0
          END
        ) >= 0.499999999
        THEN CAST(CAST(FLOOR(
          (
            (
              (
                (
                  COALESCE("t21"."value_legal", 0.0) * 0.3333333333333333
                ) + (
                  COALESCE("t21"."value_technical", 0.0) * 0.3333333333333333
                ) + (
                  COALESCE("t21"."value_economic", 0.0) * 0.3333333333333333
                )
              ) / (
                CASE WHEN "t21"."value_legal" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t21"."value_technical" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END + CASE WHEN "t21"."value_economic" IS NOT NULL THEN 0.3333333333333333 ELSE 0.0 END
              )
            ) * 10000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 10000.0
        ELSE CAST(NULL AS DOUBLE)
      END AS "value_score"
    FROM (
      SELECT
        "t20"."pub_number",
        "t20"."cell_office",
        "t20"."cell_field",
        "t20"."cell_year",
        "t20"."legal_status",
        "t20"."term_end",
        "t20"."validity_raw",
        "t20"."remaining_term_raw",
        "t20"."claims_raw",
        "t20"."forward_citations_raw",
        "t20"."ipc_scope_raw",
        "t20"."family_size_raw",
        "t20"."family_countries_raw",
        "t20"."has_events",
        "t20"."events_share",
        "t20"."events_known",
        "t20"."invalidation_raw",
        "t20"."litigation_raw",
        "t20"."licences_raw",
        "t20"."transfers_raw",
        "t20"."pledges_raw",
        "t20"."cell_patents",
        "t20"."cohort_office",
        "t20"."cohort_field",
        "t20"."cohort_year",
        "t20"."cohort_level",
        "t20"."cohort_patents",
        "t20"."claims_max",
        "t20"."invalidation_max",
        "t20"."litigation_max",
        "t20"."forward_citations_max",
        "t20"."ipc_scope_max",
        "t20"."family_size_max",
        "t20"."family_countries_max",
        "t20"."licences_max",
        "t20"."transfers_max",
        "t20"."pledges_max",
        "t20"."validity_norm",
        "t20"."remaining_term_norm",
        "t20"."claims_norm",
        "t20"."invalidation_norm",
        "t20"."litigation_norm",
        "t20"."forward_citations_norm",
        "t20"."ipc_scope_norm",
        "t20"."family_size_norm",
        "t20"."family_countries_norm",
        "t20"."licences_norm",
        "t20"."transfers_norm",
        "t20"."pledges_norm",
        CASE
          WHEN (
            (
              CASE WHEN "t20"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t20"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
            ) / 1.0
          ) >= 0.399999999
          THEN CAST(CAST(FLOOR(
            (
              (
                (
                  (
                    (
                      COALESCE("t20"."validity_norm", 0.0) * 0.3
                    ) + (
                      COALESCE("t20"."remaining_term_norm", 0.0) * 0.3
                    ) + (
                      COALESCE("t20"."claims_norm", 0.0) * 0.2
                    ) + (
                      COALESCE("t20"."invalidation_norm", 0.0) * 0.1
                    ) + (
                      COALESCE("t20"."litigation_norm", 0.0) * 0.1
                    )
                  ) * 100.0
                ) / (
                  CASE WHEN "t20"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t20"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
                )
              ) * 10000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 10000.0
          ELSE CAST(NULL AS DOUBLE)
        END AS "value_legal",
        CASE
          WHEN (
            (
              CASE WHEN "t20"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t20"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t20"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
            ) / 1.0
          ) >= 0.399999999
          THEN CAST(CAST(FLOOR(
            (
              (
                (
                  (
                    (
                      COALESCE("t20"."forward_citations_norm", 0.0) * 0.5
                    ) + (
                      COALESCE("t20"."ipc_scope_norm", 0.0) * 0.25
                    ) + (
                      COALESCE("t20"."family_size_norm", 0.0) * 0.25
                    )
                  ) * 100.0
                ) / (
                  CASE WHEN "t20"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t20"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t20"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
                )
              ) * 10000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 10000.0
          ELSE CAST(NULL AS DOUBLE)
        END AS "value_technical",
        CASE
          WHEN (
            (
              CASE WHEN "t20"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t20"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
            ) / 1.0
          ) >= 0.399999999
          THEN CAST(CAST(FLOOR(
            (
              (
                (
                  (
                    (
                      COALESCE("t20"."family_countries_norm", 0.0) * 0.4
                    ) + (
                      COALESCE("t20"."licences_norm", 0.0) * 0.2
                    ) + (
                      COALESCE("t20"."transfers_norm", 0.0) * 0.2
                    ) + (
                      COALESCE("t20"."pledges_norm", 0.0) * 0.2
                    )
                  ) * 100.0
                ) / (
                  CASE WHEN "t20"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t20"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
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
                CASE WHEN "t20"."validity_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."remaining_term_norm" IS NOT NULL THEN 0.3 ELSE 0.0 END + CASE WHEN "t20"."claims_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."invalidation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END + CASE WHEN "t20"."litigation_norm" IS NOT NULL THEN 0.1 ELSE 0.0 END
              ) / 1.0
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_legal",
        CAST(CAST(FLOOR(
          (
            (
              (
                CASE WHEN "t20"."forward_citations_norm" IS NOT NULL THEN 0.5 ELSE 0.0 END + CASE WHEN "t20"."ipc_scope_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END + CASE WHEN "t20"."family_size_norm" IS NOT NULL THEN 0.25 ELSE 0.0 END
              ) / 1.0
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_technical",
        CAST(CAST(FLOOR(
          (
            (
              (
                CASE WHEN "t20"."family_countries_norm" IS NOT NULL THEN 0.4 ELSE 0.0 END + CASE WHEN "t20"."licences_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."transfers_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END + CASE WHEN "t20"."pledges_norm" IS NOT NULL THEN 0.2 ELSE 0.0 END
              ) / 1.0
            ) * 1000000.0
          ) + 0.5
        ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "coverage_economic"
      FROM (
        SELECT
          "t19"."pub_number",
          "t19"."cell_office",
          "t19"."cell_field",
          "t19"."cell_year",
          "t19"."legal_status",
          "t19"."term_end",
          "t19"."validity_raw",
          "t19"."remaining_term_raw",
          "t19"."claims_raw",
          "t19"."forward_citations_raw",
          "t19"."ipc_scope_raw",
          "t19"."family_size_raw",
          "t19"."family_countries_raw",
          "t19"."has_events",
          "t19"."events_share",
          "t19"."events_known",
          "t19"."invalidation_raw",
          "t19"."litigation_raw",
          "t19"."licences_raw",
          "t19"."transfers_raw",
          "t19"."pledges_raw",
          "t19"."cell_patents",
          "t19"."cohort_office",
          "t19"."cohort_field",
          "t19"."cohort_year",
          "t19"."cohort_level",
          "t19"."cohort_patents",
          "t19"."claims_max",
          "t19"."invalidation_max",
          "t19"."litigation_max",
          "t19"."forward_citations_max",
          "t19"."ipc_scope_max",
          "t19"."family_size_max",
          "t19"."family_countries_max",
          "t19"."licences_max",
          "t19"."transfers_max",
          "t19"."pledges_max",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN "t19"."legal_status" IN ('lapsed', 'expired', 'withdrawn', 'rejected', 'abandoned', 'invalidated')
                THEN 0.0
                WHEN "t19"."legal_status" IN ('granted', 'pending')
                AND (
                  (
                    "t19"."term_end" IS NOT NULL
                  )
                  AND (
                    "t19"."term_end" <= MAKE_DATE(2024, 1, 1)
                  )
                )
                THEN 0.0
                WHEN "t19"."legal_status" = 'granted'
                THEN 1.0
                WHEN "t19"."legal_status" = 'pending'
                THEN 0.5
                ELSE CAST(NULL AS DOUBLE)
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "validity_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN "t19"."remaining_term_raw" IS NULL
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."remaining_term_raw" >= 20.0
                THEN 1.0
                ELSE "t19"."remaining_term_raw" / 20.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "remaining_term_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."claims_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."claims_max" > 0
                THEN CAST("t19"."claims_raw" AS DOUBLE) / CAST("t19"."claims_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "claims_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."invalidation_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."invalidation_max" > 0
                THEN CAST("t19"."invalidation_raw" AS DOUBLE) / CAST("t19"."invalidation_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "invalidation_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."litigation_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."litigation_max" > 0
                THEN CAST("t19"."litigation_raw" AS DOUBLE) / CAST("t19"."litigation_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "litigation_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."forward_citations_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."forward_citations_max" > 0
                THEN CAST("t19"."forward_citations_raw" AS DOUBLE) / CAST("t19"."forward_citations_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "forward_citations_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."ipc_scope_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."ipc_scope_max" > 0
                THEN CAST("t19"."ipc_scope_raw" AS DOUBLE) / CAST("t19"."ipc_scope_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "ipc_scope_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."family_size_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."family_size_max" > 0
                THEN CAST("t19"."family_size_raw" AS DOUBLE) / CAST("t19"."family_size_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_size_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."family_countries_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."family_countries_max" > 0
                THEN CAST("t19"."family_countries_raw" AS DOUBLE) / CAST("t19"."family_countries_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "family_countries_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."licences_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."licences_max" > 0
                THEN CAST("t19"."licences_raw" AS DOUBLE) / CAST("t19"."licences_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "licences_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."transfers_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."transfers_max" > 0
                THEN CAST("t19"."transfers_raw" AS DOUBLE) / CAST("t19"."transfers_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "transfers_norm",
          CAST(CAST(FLOOR(
            (
              CASE
                WHEN (
                  "t19"."pledges_raw" IS NULL
                ) OR (
                  "t19"."cohort_patents" < 10
                )
                THEN CAST(NULL AS DOUBLE)
                WHEN "t19"."pledges_max" > 0
                THEN CAST("t19"."pledges_raw" AS DOUBLE) / CAST("t19"."pledges_max" AS DOUBLE)
                ELSE 0.0
              END * 1000000.0
            ) + 0.5
          ) AS BIGINT) AS DOUBLE) / 1000000.0 AS "pledges_norm"
        FROM (
          SELECT
            "t10"."pub_number",
            "t10"."cell_office",
            "t10"."cell_field",
            "t10"."cell_year",
            "t10"."legal_status",
            "t10"."term_end",
            "t10"."validity_raw",
            "t10"."remaining_term_raw",
            "t10"."claims_raw",
            "t10"."forward_citations_raw",
            "t10"."ipc_scope_raw",
            "t10"."family_size_raw",
            "t10"."family_countries_raw",
            "t7"."n_events" IS NOT NULL AS "has_events",
            COALESCE("t12"."events_share", 0.0) AS "events_share",
            COALESCE("t12"."events_share", 0.0) >= 0.5 AS "events_known",
            CASE
              WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
              THEN COALESCE("t7"."invalidation", 0)
              ELSE CAST(NULL AS BIGINT)
            END AS "invalidation_raw",
            CASE
              WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
              THEN COALESCE("t7"."litigation", 0)
              ELSE CAST(NULL AS BIGINT)
            END AS "litigation_raw",
            CASE
              WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
              THEN COALESCE("t7"."licences", 0)
              ELSE CAST(NULL AS BIGINT)
            END AS "licences_raw",
            CASE
              WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
              THEN COALESCE("t7"."transfers", 0)
              ELSE CAST(NULL AS BIGINT)
            END AS "transfers_raw",
            CASE
              WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
              THEN COALESCE("t7"."pledges", 0)
              ELSE CAST(NULL AS BIGINT)
            END AS "pledges_raw",
            "t18"."cell_patents",
            "t18"."cohort_office",
            "t18"."cohort_field",
            "t18"."cohort_year",
            "t18"."cohort_level",
            "t18"."cohort_patents",
            "t18"."claims_max",
            "t18"."invalidation_max",
            "t18"."litigation_max",
            "t18"."forward_citations_max",
            "t18"."ipc_scope_max",
            "t18"."family_size_max",
            "t18"."family_countries_max",
            "t18"."licences_max",
            "t18"."transfers_max",
            "t18"."pledges_max"
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
          ) AS "t10"
          LEFT OUTER JOIN (
            SELECT
              "t1"."pub_number",
              COUNT(*) AS "n_events",
              COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                "t1"."category" IN ('opposition', 'invalidation')) AS "invalidation",
              COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                "t1"."category" IN ('litigation')) AS "litigation",
              COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                "t1"."category" IN ('licence')) AS "licences",
              COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                "t1"."category" IN ('transfer')) AS "transfers",
              COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                "t1"."category" IN ('pledge')) AS "pledges"
            FROM "legal_events" AS "t1"
            GROUP BY
              1
          ) AS "t7"
            ON "t10"."pub_number" = "t7"."pub_number"
          LEFT OUTER JOIN (
            SELECT
              "t8"."cell_office",
              CAST(SUM(CAST("t8"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
            FROM (
              SELECT
                "t5"."cell_office",
                "t4"."pub_number" IS NOT NULL AS "has"
              FROM (
                SELECT
                  "t0"."pub_number",
                  COALESCE("t0"."pub_country", '') AS "cell_office"
                FROM "patents" AS "t0"
              ) AS "t5"
              LEFT OUTER JOIN (
                SELECT DISTINCT
                  "t1"."pub_number"
                FROM "legal_events" AS "t1"
              ) AS "t4"
                ON "t5"."pub_number" = "t4"."pub_number"
            ) AS "t8"
            GROUP BY
              1
          ) AS "t12"
            ON "t10"."cell_office" = "t12"."cell_office"
          INNER JOIN (
            SELECT
              "t16"."cell_office",
              "t16"."cell_field",
              "t16"."cell_year",
              "t16"."n0" AS "cell_patents",
              "t16"."cell_office" AS "cohort_office",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 0
                THEN "t16"."cell_field"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."cls"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."sec"
                ELSE '*'
              END AS "cohort_field",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN 0
                ELSE "t16"."cell_year"
              END AS "cohort_year",
              CAST(CASE
                WHEN "t16"."n0" >= 10
                THEN 0
                WHEN "t16"."n1" >= 10
                THEN 1
                WHEN "t16"."n2" >= 10
                THEN 2
                WHEN "t16"."n3" >= 10
                THEN 3
                ELSE 4
              END AS BIGINT) AS "cohort_level",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."n1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."n2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."n3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."n4"
                ELSE "t16"."n0"
              END AS "cohort_patents",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."claims_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."claims_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."claims_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."claims_m4"
                ELSE "t16"."claims_m0"
              END AS "claims_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."invalidation_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."invalidation_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."invalidation_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."invalidation_m4"
                ELSE "t16"."invalidation_m0"
              END AS "invalidation_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."litigation_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."litigation_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."litigation_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."litigation_m4"
                ELSE "t16"."litigation_m0"
              END AS "litigation_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."forward_citations_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."forward_citations_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."forward_citations_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."forward_citations_m4"
                ELSE "t16"."forward_citations_m0"
              END AS "forward_citations_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."ipc_scope_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."ipc_scope_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."ipc_scope_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."ipc_scope_m4"
                ELSE "t16"."ipc_scope_m0"
              END AS "ipc_scope_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."family_size_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."family_size_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."family_size_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."family_size_m4"
                ELSE "t16"."family_size_m0"
              END AS "family_size_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."family_countries_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."family_countries_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."family_countries_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."family_countries_m4"
                ELSE "t16"."family_countries_m0"
              END AS "family_countries_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."licences_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."licences_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."licences_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."licences_m4"
                ELSE "t16"."licences_m0"
              END AS "licences_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."transfers_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."transfers_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."transfers_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."transfers_m4"
                ELSE "t16"."transfers_m0"
              END AS "transfers_max",
              CASE
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 1
                THEN "t16"."pledges_m1"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 2
                THEN "t16"."pledges_m2"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 3
                THEN "t16"."pledges_m3"
                WHEN CAST(CASE
                  WHEN "t16"."n0" >= 10
                  THEN 0
                  WHEN "t16"."n1" >= 10
                  THEN 1
                  WHEN "t16"."n2" >= 10
                  THEN 2
                  WHEN "t16"."n3" >= 10
                  THEN 3
                  ELSE 4
                END AS BIGINT) = 4
                THEN "t16"."pledges_m4"
                ELSE "t16"."pledges_m0"
              END AS "pledges_max"
            FROM (
              SELECT
                "t15"."cell_office",
                "t15"."cell_field",
                "t15"."cell_year",
                "t15"."n0",
                "t15"."claims_m0",
                "t15"."invalidation_m0",
                "t15"."litigation_m0",
                "t15"."forward_citations_m0",
                "t15"."ipc_scope_m0",
                "t15"."family_size_m0",
                "t15"."family_countries_m0",
                "t15"."licences_m0",
                "t15"."transfers_m0",
                "t15"."pledges_m0",
                "t15"."cls",
                "t15"."sec",
                SUM("t15"."n0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "n1",
                MAX("t15"."claims_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "claims_m1",
                MAX("t15"."invalidation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "invalidation_m1",
                MAX("t15"."litigation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "litigation_m1",
                MAX("t15"."forward_citations_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "forward_citations_m1",
                MAX("t15"."ipc_scope_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "ipc_scope_m1",
                MAX("t15"."family_size_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_size_m1",
                MAX("t15"."family_countries_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_countries_m1",
                MAX("t15"."licences_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "licences_m1",
                MAX("t15"."transfers_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "transfers_m1",
                MAX("t15"."pledges_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cls", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "pledges_m1",
                SUM("t15"."n0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "n2",
                MAX("t15"."claims_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "claims_m2",
                MAX("t15"."invalidation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "invalidation_m2",
                MAX("t15"."litigation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "litigation_m2",
                MAX("t15"."forward_citations_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "forward_citations_m2",
                MAX("t15"."ipc_scope_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "ipc_scope_m2",
                MAX("t15"."family_size_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_size_m2",
                MAX("t15"."family_countries_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_countries_m2",
                MAX("t15"."licences_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "licences_m2",
                MAX("t15"."transfers_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "transfers_m2",
                MAX("t15"."pledges_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."sec", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "pledges_m2",
                SUM("t15"."n0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "n3",
                MAX("t15"."claims_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "claims_m3",
                MAX("t15"."invalidation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "invalidation_m3",
                MAX("t15"."litigation_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "litigation_m3",
                MAX("t15"."forward_citations_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "forward_citations_m3",
                MAX("t15"."ipc_scope_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "ipc_scope_m3",
                MAX("t15"."family_size_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_size_m3",
                MAX("t15"."family_countries_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_countries_m3",
                MAX("t15"."licences_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "licences_m3",
                MAX("t15"."transfers_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "transfers_m3",
                MAX("t15"."pledges_m0") OVER (
                  PARTITION BY "t15"."cell_office", "t15"."cell_year"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "pledges_m3",
                SUM("t15"."n0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "n4",
                MAX("t15"."claims_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "claims_m4",
                MAX("t15"."invalidation_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "invalidation_m4",
                MAX("t15"."litigation_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "litigation_m4",
                MAX("t15"."forward_citations_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "forward_citations_m4",
                MAX("t15"."ipc_scope_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "ipc_scope_m4",
                MAX("t15"."family_size_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_size_m4",
                MAX("t15"."family_countries_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "family_countries_m4",
                MAX("t15"."licences_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "licences_m4",
                MAX("t15"."transfers_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "transfers_m4",
                MAX("t15"."pledges_m0") OVER (
                  PARTITION BY "t15"."cell_office"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) AS "pledges_m4"
              FROM (
                SELECT
                  "t14"."cell_office",
                  "t14"."cell_field",
                  "t14"."cell_year",
                  "t14"."n0",
                  "t14"."claims_m0",
                  "t14"."invalidation_m0",
                  "t14"."litigation_m0",
                  "t14"."forward_citations_m0",
                  "t14"."ipc_scope_m0",
                  "t14"."family_size_m0",
                  "t14"."family_countries_m0",
                  "t14"."licences_m0",
                  "t14"."transfers_m0",
                  "t14"."pledges_m0",
                  SUBSTRING(
                    "t14"."cell_field",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."cell_field") END,
                    3
                  ) AS "cls",
                  SUBSTRING(
                    "t14"."cell_field",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."cell_field") END,
                    1
                  ) AS "sec"
                FROM (
                  SELECT
                    "t13"."cell_office",
                    "t13"."cell_field",
                    "t13"."cell_year",
                    COUNT(*) AS "n0",
                    MAX("t13"."claims_raw") AS "claims_m0",
                    MAX("t13"."invalidation_raw") AS "invalidation_m0",
                    MAX("t13"."litigation_raw") AS "litigation_m0",
                    MAX("t13"."forward_citations_raw") AS "forward_citations_m0",
                    MAX("t13"."ipc_scope_raw") AS "ipc_scope_m0",
                    MAX("t13"."family_size_raw") AS "family_size_m0",
                    MAX("t13"."family_countries_raw") AS "family_countries_m0",
                    MAX("t13"."licences_raw") AS "licences_m0",
                    MAX("t13"."transfers_raw") AS "transfers_m0",
                    MAX("t13"."pledges_raw") AS "pledges_m0"
                  FROM (
                    SELECT
                      "t10"."pub_number",
                      "t10"."cell_office",
                      "t10"."cell_field",
                      "t10"."cell_year",
                      "t10"."legal_status",
                      "t10"."term_end",
                      "t10"."validity_raw",
                      "t10"."remaining_term_raw",
                      "t10"."claims_raw",
                      "t10"."forward_citations_raw",
                      "t10"."ipc_scope_raw",
                      "t10"."family_size_raw",
                      "t10"."family_countries_raw",
                      "t7"."n_events" IS NOT NULL AS "has_events",
                      COALESCE("t12"."events_share", 0.0) AS "events_share",
                      COALESCE("t12"."events_share", 0.0) >= 0.5 AS "events_known",
                      CASE
                        WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
                        THEN COALESCE("t7"."invalidation", 0)
                        ELSE CAST(NULL AS BIGINT)
                      END AS "invalidation_raw",
                      CASE
                        WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
                        THEN COALESCE("t7"."litigation", 0)
                        ELSE CAST(NULL AS BIGINT)
                      END AS "litigation_raw",
                      CASE
                        WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
                        THEN COALESCE("t7"."licences", 0)
                        ELSE CAST(NULL AS BIGINT)
                      END AS "licences_raw",
                      CASE
                        WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
                        THEN COALESCE("t7"."transfers", 0)
                        ELSE CAST(NULL AS BIGINT)
                      END AS "transfers_raw",
                      CASE
                        WHEN COALESCE("t12"."events_share", 0.0) >= 0.5
                        THEN COALESCE("t7"."pledges", 0)
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
                    ) AS "t10"
                    LEFT OUTER JOIN (
                      SELECT
                        "t1"."pub_number",
                        COUNT(*) AS "n_events",
                        COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                          "t1"."category" IN ('opposition', 'invalidation')) AS "invalidation",
                        COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                          "t1"."category" IN ('litigation')) AS "litigation",
                        COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                          "t1"."category" IN ('licence')) AS "licences",
                        COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                          "t1"."category" IN ('transfer')) AS "transfers",
                        COUNT(DISTINCT COALESCE("t1"."event_date", MAKE_DATE(1900, 1, 1))) FILTER(WHERE
                          "t1"."category" IN ('pledge')) AS "pledges"
                      FROM "legal_events" AS "t1"
                      GROUP BY
                        1
                    ) AS "t7"
                      ON "t10"."pub_number" = "t7"."pub_number"
                    LEFT OUTER JOIN (
                      SELECT
                        "t8"."cell_office",
                        CAST(SUM(CAST("t8"."has" AS BIGINT)) AS DOUBLE) / CAST(COUNT(*) AS DOUBLE) AS "events_share"
                      FROM (
                        SELECT
                          "t5"."cell_office",
                          "t4"."pub_number" IS NOT NULL AS "has"
                        FROM (
                          SELECT
                            "t0"."pub_number",
                            COALESCE("t0"."pub_country", '') AS "cell_office"
                          FROM "patents" AS "t0"
                        ) AS "t5"
                        LEFT OUTER JOIN (
                          SELECT DISTINCT
                            "t1"."pub_number"
                          FROM "legal_events" AS "t1"
                        ) AS "t4"
                          ON "t5"."pub_number" = "t4"."pub_number"
                      ) AS "t8"
                      GROUP BY
                        1
                    ) AS "t12"
                      ON "t10"."cell_office" = "t12"."cell_office"
                  ) AS "t13"
                  GROUP BY
                    1,
                    2,
                    3
                ) AS "t14"
              ) AS "t15"
            ) AS "t16"
          ) AS "t18"
            ON "t10"."cell_office" = "t18"."cell_office"
            AND "t10"."cell_field" = "t18"."cell_field"
            AND "t10"."cell_year" = "t18"."cell_year"
        ) AS "t19"
      ) AS "t20"
    ) AS "t21"
  ) AS "t22"
) AS "t23"
