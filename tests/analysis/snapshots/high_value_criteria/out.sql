WITH "t7" AS (
  SELECT
    *
  FROM "legal_events" AS "t1"
  WHERE
    "t1"."category" IN ('lapse', 'expiry', 'invalidation', 'abandonment')
    AND "t1"."event_date" IS NOT NULL
), "t25" AS (
  SELECT
    "t4"."kind",
    "t4"."number",
    "t4"."app_number",
    "t4"."pub_number",
    "t4"."name",
    "t4"."level",
    "t4"."year",
    "t4"."amount",
    "t4"."event_date",
    "t4"."qualifies",
    "t4"."source_file",
    "t4"."source_row",
    "t4"."imported_at",
    "t23"."_pub",
    "t23"."_app"
  FROM "awards" AS "t4"
  LEFT OUTER JOIN (
    SELECT
      "t13"."_pub",
      "t13"."_app"
    FROM (
      SELECT
        "t3"."pub_number" AS "_pub",
        COALESCE("t3"."app_number", "t3"."pub_number") AS "_app"
      FROM "patents" AS "t3"
    ) AS "t13"
    SEMI JOIN "awards" AS "t5"
      ON "t13"."_pub" = "t5"."pub_number"
  ) AS "t23"
    ON "t4"."pub_number" = "t23"."_pub"
)
SELECT
  "t47"."patents",
  "t47"."with_sei_data",
  "t47"."with_family_data",
  "t47"."with_app_date",
  "t47"."meets_sei",
  "t47"."meets_overseas_family",
  "t47"."meets_maintained_10y",
  "t47"."meets_high_pledge",
  "t47"."meets_award",
  COALESCE("t47"."pledge_rows", 0) AS "pledge_rows",
  COALESCE("t47"."award_rows", 0) AS "award_rows",
  "t47"."pledge_events"
FROM (
  SELECT
    "t46"."patents",
    "t46"."with_sei_data",
    "t46"."with_family_data",
    "t46"."with_app_date",
    "t46"."meets_sei",
    "t46"."meets_overseas_family",
    "t46"."meets_maintained_10y",
    "t46"."meets_high_pledge",
    "t46"."meets_award",
    "t19"."pledge_rows",
    "t19"."award_rows",
    "t20"."pledge_events"
  FROM (
    SELECT
      COUNT(*) AS "patents",
      SUM(CAST("t44"."sei_codes" IS NOT NULL AS INT)) AS "with_sei_data",
      SUM(
        CAST((
          "t44"."family_countries" IS NOT NULL
        ) OR (
          "t44"."family_id" IS NOT NULL
        ) AS INT)
      ) AS "with_family_data",
      SUM(CAST("t44"."app_date" IS NOT NULL AS INT)) AS "with_app_date",
      SUM(CAST("t44"."sei" AS INT)) AS "meets_sei",
      SUM(CAST("t44"."overseas_family" AS INT)) AS "meets_overseas_family",
      SUM(CAST("t44"."maintained_10y" AS INT)) AS "meets_maintained_10y",
      SUM(CAST("t44"."high_pledge" AS INT)) AS "meets_high_pledge",
      SUM(CAST("t44"."award" AS INT)) AS "meets_award"
    FROM (
      SELECT
        "t43"."akey",
        "t43"."app_date",
        "t43"."pub_date",
        "t43"."priority_date",
        "t43"."grant_date",
        "t43"."documents",
        "t43"."pub_number",
        "t43"."pub_country",
        "t43"."patent_type",
        "t43"."legal_status",
        "t43"."is_valid",
        "t43"."applicant_country",
        "t43"."province",
        "t43"."city",
        "t43"."applicants_std",
        "t43"."applicant_types",
        "t43"."sei_codes",
        "t43"."sei_top",
        "t43"."family_id",
        "t43"."family_countries",
        "t43"."ipc4",
        "t43"."applicant_set",
        "t43"."applicant_type_set",
        "t43"."coop_pairs",
        "t43"."family",
        "t43"."abroad",
        "t43"."family_abroad",
        "t43"."family_first",
        "t43"."family_lead",
        "t43"."end_date",
        "t43"."in_force",
        "t43"."ended",
        "t43"."ended_unknown",
        "t43"."pledge_amount",
        COALESCE("t43"."award_count", 0) AS "award_count",
        COALESCE(ARRAY_LENGTH("t43"."sei_codes") > 0, FALSE) AS "sei",
        "t43"."family_abroad" AS "overseas_family",
        COALESCE((
          "t43"."app_date" + INTERVAL '10' YEAR
        ) < MAKE_DATE(2020, 12, 31), FALSE) AS "maintained_10y",
        "t43"."_pledge_key" IS NOT NULL AS "high_pledge",
        "t43"."_award_key" IS NOT NULL AS "award",
        LIST_FILTER(
          CAST([
            CASE
              WHEN COALESCE(ARRAY_LENGTH("t43"."sei_codes") > 0, FALSE)
              THEN 'sei'
              ELSE NULL
            END,
            CASE WHEN "t43"."family_abroad" THEN 'overseas_family' ELSE NULL END,
            CASE
              WHEN COALESCE((
                "t43"."app_date" + INTERVAL '10' YEAR
              ) < MAKE_DATE(2020, 12, 31), FALSE)
              THEN 'maintained_10y'
              ELSE NULL
            END,
            CASE WHEN "t43"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
            CASE WHEN "t43"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
          ] AS TEXT[]),
          LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
        ) AS "criteria",
        ARRAY_LENGTH(
          LIST_FILTER(
            CAST([
              CASE
                WHEN COALESCE(ARRAY_LENGTH("t43"."sei_codes") > 0, FALSE)
                THEN 'sei'
                ELSE NULL
              END,
              CASE WHEN "t43"."family_abroad" THEN 'overseas_family' ELSE NULL END,
              CASE
                WHEN COALESCE((
                  "t43"."app_date" + INTERVAL '10' YEAR
                ) < MAKE_DATE(2020, 12, 31), FALSE)
                THEN 'maintained_10y'
                ELSE NULL
              END,
              CASE WHEN "t43"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
              CASE WHEN "t43"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
            ] AS TEXT[]),
            LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
          )
        ) > 0 AS "high_value"
      FROM (
        SELECT
          "t42"."akey",
          "t42"."app_date",
          "t42"."pub_date",
          "t42"."priority_date",
          "t42"."grant_date",
          "t42"."documents",
          "t42"."pub_number",
          "t42"."pub_country",
          "t42"."patent_type",
          "t42"."legal_status",
          "t42"."is_valid",
          "t42"."applicant_country",
          "t42"."province",
          "t42"."city",
          "t42"."applicants_std",
          "t42"."applicant_types",
          "t42"."sei_codes",
          "t42"."sei_top",
          "t42"."family_id",
          "t42"."family_countries",
          "t42"."ipc4",
          "t42"."applicant_set",
          "t42"."applicant_type_set",
          "t42"."coop_pairs",
          "t42"."family",
          "t42"."abroad",
          "t42"."family_abroad",
          "t42"."family_first",
          "t42"."family_lead",
          "t42"."end_date",
          "t42"."in_force",
          "t42"."ended",
          "t42"."ended_unknown",
          "t38"."_pledge_key",
          "t38"."pledge_amount",
          "t35"."_award_key",
          "t35"."award_count"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t39"."akey",
              "t39"."app_date",
              "t39"."pub_date",
              "t39"."priority_date",
              "t39"."grant_date",
              "t39"."documents",
              "t39"."pub_number",
              "t39"."pub_country",
              "t39"."patent_type",
              "t39"."legal_status",
              "t39"."is_valid",
              "t39"."applicant_country",
              "t39"."province",
              "t39"."city",
              "t39"."applicants_std",
              "t39"."applicant_types",
              "t39"."sei_codes",
              "t39"."sei_top",
              "t39"."family_id",
              "t39"."family_countries",
              "t39"."ipc4",
              "t39"."applicant_set",
              "t39"."applicant_type_set",
              "t39"."coop_pairs",
              "t39"."family",
              "t39"."abroad",
              "t39"."family_abroad",
              "t39"."family_first",
              "t39"."family_lead",
              "t39"."end_date",
              CASE
                WHEN "t39"."grant_date" IS NULL
                THEN CASE WHEN "t39"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
                WHEN "t39"."grant_date" > MAKE_DATE(2020, 12, 31)
                THEN FALSE
                WHEN "t39"."is_valid"
                THEN TRUE
                WHEN "t39"."is_valid" IS NULL
                THEN CAST(NULL AS BOOLEAN)
                WHEN "t39"."end_date" IS NOT NULL
                THEN "t39"."end_date" > MAKE_DATE(2020, 12, 31)
                WHEN CASE
                  WHEN "t39"."patent_type" = 'invention'
                  THEN "t39"."app_date" + INTERVAL '20' YEAR
                  WHEN "t39"."patent_type" = 'utility_model'
                  THEN "t39"."app_date" + INTERVAL '10' YEAR
                  WHEN (
                    "t39"."patent_type" = 'design'
                  )
                  AND (
                    "t39"."pub_country" = 'US'
                  )
                  AND (
                    "t39"."app_date" >= MAKE_DATE(2015, 5, 13)
                  )
                  THEN "t39"."grant_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t39"."patent_type" = 'design'
                  ) AND (
                    "t39"."pub_country" = 'US'
                  )
                  THEN "t39"."grant_date" + INTERVAL '14' YEAR
                  WHEN (
                    "t39"."patent_type" = 'design'
                  )
                  AND (
                    "t39"."pub_country" = 'CN'
                  )
                  AND (
                    "t39"."app_date" >= MAKE_DATE(2021, 6, 1)
                  )
                  THEN "t39"."app_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t39"."patent_type" = 'design'
                  ) AND (
                    "t39"."pub_country" = 'CN'
                  )
                  THEN "t39"."app_date" + INTERVAL '10' YEAR
                  ELSE CAST(NULL AS DATE)
                END <= MAKE_DATE(2020, 12, 31)
                THEN FALSE
                ELSE CAST(NULL AS BOOLEAN)
              END AS "in_force",
              CASE
                WHEN "t39"."_granted"
                AND (
                  "t39"."end_date" <= MAKE_DATE(2020, 12, 31)
                )
                AND (
                  "t39"."legal_status" = 'expired'
                )
                THEN 'expired'
                WHEN "t39"."_granted"
                AND (
                  "t39"."end_date" <= MAKE_DATE(2020, 12, 31)
                )
                AND "t39"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                THEN 'lapsed'
                ELSE CAST(NULL AS TEXT)
              END AS "ended",
              COALESCE(
                "t39"."_granted"
                AND "t39"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                AND (
                  "t39"."end_date" IS NULL
                )
                AND (
                  (
                    "t39"."grant_date" IS NULL
                  )
                  OR (
                    "t39"."grant_date" <= MAKE_DATE(2020, 12, 31)
                  )
                ),
                FALSE
              ) AS "ended_unknown"
            FROM (
              SELECT
                "t33"."akey",
                "t33"."app_date",
                "t33"."pub_date",
                "t33"."priority_date",
                "t33"."grant_date",
                "t33"."documents",
                "t33"."pub_number",
                "t33"."pub_country",
                "t33"."patent_type",
                "t33"."legal_status",
                "t33"."is_valid",
                "t33"."applicant_country",
                "t33"."province",
                "t33"."city",
                "t33"."applicants_std",
                "t33"."applicant_types",
                "t33"."sei_codes",
                "t33"."sei_top",
                "t33"."family_id",
                "t33"."family_countries",
                "t33"."ipc4",
                "t33"."applicant_set",
                "t33"."applicant_type_set",
                "t33"."coop_pairs",
                "t33"."family",
                "t33"."abroad",
                "t33"."family_abroad",
                "t33"."family_first",
                "t33"."family_lead",
                "t33"."_akey",
                "t33"."_end_event",
                CASE
                  WHEN COALESCE("t33"."is_valid", FALSE)
                  THEN CAST(NULL AS DATE)
                  WHEN "t33"."legal_status" = 'expired'
                  THEN COALESCE(
                    "t33"."_end_event",
                    CASE
                      WHEN "t33"."patent_type" = 'invention'
                      THEN "t33"."app_date" + INTERVAL '20' YEAR
                      WHEN "t33"."patent_type" = 'utility_model'
                      THEN "t33"."app_date" + INTERVAL '10' YEAR
                      WHEN (
                        "t33"."patent_type" = 'design'
                      )
                      AND (
                        "t33"."pub_country" = 'US'
                      )
                      AND (
                        "t33"."app_date" >= MAKE_DATE(2015, 5, 13)
                      )
                      THEN "t33"."grant_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t33"."patent_type" = 'design'
                      ) AND (
                        "t33"."pub_country" = 'US'
                      )
                      THEN "t33"."grant_date" + INTERVAL '14' YEAR
                      WHEN (
                        "t33"."patent_type" = 'design'
                      )
                      AND (
                        "t33"."pub_country" = 'CN'
                      )
                      AND (
                        "t33"."app_date" >= MAKE_DATE(2021, 6, 1)
                      )
                      THEN "t33"."app_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t33"."patent_type" = 'design'
                      ) AND (
                        "t33"."pub_country" = 'CN'
                      )
                      THEN "t33"."app_date" + INTERVAL '10' YEAR
                      ELSE CAST(NULL AS DATE)
                    END
                  )
                  WHEN "t33"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                  THEN "t33"."_end_event"
                  ELSE CAST(NULL AS DATE)
                END AS "end_date",
                (
                  "t33"."legal_status" IN ('lapsed', 'invalidated', 'expired')
                  OR (
                    "t33"."grant_date" IS NOT NULL
                  )
                )
                AND NOT (
                  "t33"."legal_status" IN ('pending', 'withdrawn', 'rejected')
                ) AS "_granted"
              FROM (
                SELECT
                  "t12"."akey",
                  "t12"."app_date",
                  "t12"."pub_date",
                  "t12"."priority_date",
                  "t12"."grant_date",
                  "t12"."documents",
                  "t12"."pub_number",
                  "t12"."pub_country",
                  "t12"."patent_type",
                  "t12"."legal_status",
                  "t12"."is_valid",
                  "t12"."applicant_country",
                  "t12"."province",
                  "t12"."city",
                  "t12"."applicants_std",
                  "t12"."applicant_types",
                  "t12"."sei_codes",
                  "t12"."sei_top",
                  "t12"."family_id",
                  "t12"."family_countries",
                  "t12"."ipc4",
                  "t12"."applicant_set",
                  "t12"."applicant_type_set",
                  "t12"."coop_pairs",
                  "t12"."family",
                  "t12"."abroad",
                  "t12"."family_abroad",
                  "t12"."family_first",
                  "t12"."family_lead",
                  "t29"."_akey",
                  "t29"."_end_event"
                FROM (
                  SELECT
                    *
                  FROM "_seip_applications" AS "t2"
                  WHERE
                    "t2"."pub_country" = 'CN'
                ) AS "t12"
                LEFT OUTER JOIN (
                  SELECT
                    "t26"."_akey",
                    MAX("t26"."event_date") AS "_end_event"
                  FROM (
                    SELECT
                      "t17"."pub_number",
                      "t17"."event_date",
                      "t17"."code",
                      "t17"."description",
                      "t17"."authority",
                      "t17"."influence",
                      "t17"."category",
                      "t17"."import_id",
                      "t24"."_pub",
                      "t24"."_akey"
                    FROM "t7" AS "t17"
                    INNER JOIN (
                      SELECT
                        "t14"."_pub",
                        "t14"."_akey"
                      FROM (
                        SELECT
                          "t3"."pub_number" AS "_pub",
                          COALESCE("t3"."app_number", "t3"."pub_number") AS "_akey"
                        FROM "patents" AS "t3"
                      ) AS "t14"
                      SEMI JOIN "t7" AS "t18"
                        ON "t14"."_pub" = "t18"."pub_number"
                    ) AS "t24"
                      ON "t17"."pub_number" = "t24"."_pub"
                  ) AS "t26"
                  GROUP BY
                    1
                ) AS "t29"
                  ON "t12"."akey" = "t29"."_akey"
              ) AS "t33"
            ) AS "t39"
            WHERE
              "t39"."patent_type" = 'invention' AND "t39"."applicant_country" = 'CN'
          ) AS "t40"
          WHERE
            "t40"."in_force"
        ) AS "t42"
        LEFT OUTER JOIN (
          SELECT
            "t36"."akey" AS "_pledge_key",
            "t36"."_amount" AS "pledge_amount"
          FROM (
            SELECT
              "t32"."akey",
              SUM("t32"."amount") AS "_amount"
            FROM (
              SELECT
                "t27"."kind",
                "t27"."number",
                "t27"."app_number",
                "t27"."pub_number",
                "t27"."name",
                "t27"."level",
                "t27"."year",
                "t27"."amount",
                "t27"."event_date",
                "t27"."qualifies",
                "t27"."source_file",
                "t27"."source_row",
                "t27"."imported_at",
                "t27"."_pub",
                "t27"."_app",
                COALESCE("t27"."app_number", "t27"."_app", "t27"."pub_number") AS "akey"
              FROM "t25" AS "t27"
              WHERE
                "t27"."kind" = 'pledge'
                AND "t27"."amount" IS NOT NULL
                AND (
                  (
                    COALESCE("t27"."event_date", MAKE_DATE(CAST("t27"."year" AS INT), 12, 31)) IS NULL
                  )
                  OR (
                    COALESCE("t27"."event_date", MAKE_DATE(CAST("t27"."year" AS INT), 12, 31)) <= MAKE_DATE(2020, 12, 31)
                  )
                )
            ) AS "t32"
            GROUP BY
              1
          ) AS "t36"
          WHERE
            "t36"."_amount" >= 1000.0
        ) AS "t38"
          ON "t42"."akey" = "t38"."_pledge_key"
        LEFT OUTER JOIN (
          SELECT
            "t31"."akey" AS "_award_key",
            "t31"."award_count"
          FROM (
            SELECT
              "t30"."akey",
              COUNT(*) AS "award_count"
            FROM (
              SELECT
                "t27"."kind",
                "t27"."number",
                "t27"."app_number",
                "t27"."pub_number",
                "t27"."name",
                "t27"."level",
                "t27"."year",
                "t27"."amount",
                "t27"."event_date",
                "t27"."qualifies",
                "t27"."source_file",
                "t27"."source_row",
                "t27"."imported_at",
                "t27"."_pub",
                "t27"."_app",
                COALESCE("t27"."app_number", "t27"."_app", "t27"."pub_number") AS "akey"
              FROM "t25" AS "t27"
              WHERE
                "t27"."kind" = 'award'
                AND "t27"."qualifies"
                AND (
                  (
                    "t27"."year" IS NULL
                  ) OR (
                    "t27"."year" <= 2020
                  )
                )
            ) AS "t30"
            GROUP BY
              1
          ) AS "t31"
        ) AS "t35"
          ON "t42"."akey" = "t35"."_award_key"
      ) AS "t43"
    ) AS "t44"
  ) AS "t46"
  CROSS JOIN (
    SELECT
      SUM(CAST("t0"."kind" = 'pledge' AS INT)) AS "pledge_rows",
      SUM(CAST((
        "t0"."kind" = 'award'
      ) AND "t0"."qualifies" AS INT)) AS "award_rows"
    FROM "awards" AS "t0"
  ) AS "t19"
  CROSS JOIN (
    SELECT
      COUNT(*) AS "pledge_events"
    FROM (
      SELECT
        *
      FROM "legal_events" AS "t1"
      WHERE
        "t1"."category" = 'pledge' AND STARTS_WITH("t1"."pub_number", 'CN')
    ) AS "t6"
  ) AS "t20"
) AS "t47"
