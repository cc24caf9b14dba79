WITH "t18" AS (
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
    "t15"."_pub",
    "t15"."_app"
  FROM "awards" AS "t4"
  LEFT OUTER JOIN (
    SELECT
      "t8"."_pub",
      "t8"."_app"
    FROM (
      SELECT
        "t3"."pub_number" AS "_pub",
        COALESCE("t3"."app_number", "t3"."pub_number") AS "_app"
      FROM "patents" AS "t3"
    ) AS "t8"
    SEMI JOIN "awards" AS "t5"
      ON "t8"."_pub" = "t5"."pub_number"
  ) AS "t15"
    ON "t4"."pub_number" = "t15"."_pub"
)
SELECT
  "t32"."patents",
  "t32"."with_sei_data",
  "t32"."with_family_data",
  "t32"."with_app_date",
  "t32"."meets_sei",
  "t32"."meets_overseas_family",
  "t32"."meets_maintained_10y",
  "t32"."meets_high_pledge",
  "t32"."meets_award",
  COALESCE("t32"."pledge_rows", 0) AS "pledge_rows",
  COALESCE("t32"."award_rows", 0) AS "award_rows",
  "t32"."pledge_events"
FROM (
  SELECT
    "t31"."patents",
    "t31"."with_sei_data",
    "t31"."with_family_data",
    "t31"."with_app_date",
    "t31"."meets_sei",
    "t31"."meets_overseas_family",
    "t31"."meets_maintained_10y",
    "t31"."meets_high_pledge",
    "t31"."meets_award",
    "t12"."pledge_rows",
    "t12"."award_rows",
    "t13"."pledge_events"
  FROM (
    SELECT
      COUNT(*) AS "patents",
      SUM(CAST("t29"."has_sei" IS NOT NULL AS INT)) AS "with_sei_data",
      SUM(
        CAST((
          "t29"."family_countries" IS NOT NULL
        ) OR (
          "t29"."family_id" IS NOT NULL
        ) AS INT)
      ) AS "with_family_data",
      SUM(CAST("t29"."app_date" IS NOT NULL AS INT)) AS "with_app_date",
      SUM(CAST("t29"."sei" AS INT)) AS "meets_sei",
      SUM(CAST("t29"."overseas_family" AS INT)) AS "meets_overseas_family",
      SUM(CAST("t29"."maintained_10y" AS INT)) AS "meets_maintained_10y",
      SUM(CAST("t29"."high_pledge" AS INT)) AS "meets_high_pledge",
      SUM(CAST("t29"."award" AS INT)) AS "meets_award"
    FROM (
      SELECT
        "t28"."akey",
        "t28"."app_date",
        "t28"."pub_date",
        "t28"."priority_date",
        "t28"."grant_date",
        "t28"."documents",
        "t28"."pub_number",
        "t28"."pub_country",
        "t28"."patent_type",
        "t28"."legal_status",
        "t28"."is_valid",
        "t28"."applicant_country",
        "t28"."province",
        "t28"."city",
        "t28"."applicants_std",
        "t28"."applicant_types",
        "t28"."sei_codes",
        "t28"."sei_top",
        "t28"."family_id",
        "t28"."family_countries",
        "t28"."ipc4",
        "t28"."applicant_set",
        "t28"."applicant_type_set",
        "t28"."has_sei",
        "t28"."coop_pairs",
        "t28"."family",
        "t28"."abroad",
        "t28"."family_abroad",
        "t28"."family_first",
        "t28"."family_lead",
        "t28"."end_event",
        "t28"."status_end",
        "t28"."term_end",
        "t28"."end_date",
        "t28"."in_force",
        "t28"."ended",
        "t28"."ended_unknown",
        "t28"."pledge_amount",
        COALESCE("t28"."award_count", 0) AS "award_count",
        COALESCE("t28"."has_sei", FALSE) AS "sei",
        "t28"."family_abroad" AS "overseas_family",
        COALESCE((
          "t28"."app_date" + INTERVAL '10' YEAR
        ) < MAKE_DATE(2020, 12, 31), FALSE) AS "maintained_10y",
        "t28"."_pledge_key" IS NOT NULL AS "high_pledge",
        "t28"."_award_key" IS NOT NULL AS "award",
        LIST_FILTER(
          CAST([
            CASE WHEN COALESCE("t28"."has_sei", FALSE) THEN 'sei' ELSE NULL END,
            CASE WHEN "t28"."family_abroad" THEN 'overseas_family' ELSE NULL END,
            CASE
              WHEN COALESCE((
                "t28"."app_date" + INTERVAL '10' YEAR
              ) < MAKE_DATE(2020, 12, 31), FALSE)
              THEN 'maintained_10y'
              ELSE NULL
            END,
            CASE WHEN "t28"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
            CASE WHEN "t28"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
          ] AS TEXT[]),
          LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
        ) AS "criteria",
        ARRAY_LENGTH(
          LIST_FILTER(
            CAST([
              CASE WHEN COALESCE("t28"."has_sei", FALSE) THEN 'sei' ELSE NULL END,
              CASE WHEN "t28"."family_abroad" THEN 'overseas_family' ELSE NULL END,
              CASE
                WHEN COALESCE((
                  "t28"."app_date" + INTERVAL '10' YEAR
                ) < MAKE_DATE(2020, 12, 31), FALSE)
                THEN 'maintained_10y'
                ELSE NULL
              END,
              CASE WHEN "t28"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
              CASE WHEN "t28"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
            ] AS TEXT[]),
            LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
          )
        ) > 0 AS "high_value"
      FROM (
        SELECT
          "t17"."akey",
          "t17"."app_date",
          "t17"."pub_date",
          "t17"."priority_date",
          "t17"."grant_date",
          "t17"."documents",
          "t17"."pub_number",
          "t17"."pub_country",
          "t17"."patent_type",
          "t17"."legal_status",
          "t17"."is_valid",
          "t17"."applicant_country",
          "t17"."province",
          "t17"."city",
          "t17"."applicants_std",
          "t17"."applicant_types",
          "t17"."sei_codes",
          "t17"."sei_top",
          "t17"."family_id",
          "t17"."family_countries",
          "t17"."ipc4",
          "t17"."applicant_set",
          "t17"."applicant_type_set",
          "t17"."has_sei",
          "t17"."coop_pairs",
          "t17"."family",
          "t17"."abroad",
          "t17"."family_abroad",
          "t17"."family_first",
          "t17"."family_lead",
          "t17"."end_event",
          "t17"."status_end",
          "t17"."term_end",
          "t17"."end_date",
          "t17"."in_force",
          "t17"."ended",
          "t17"."ended_unknown",
          "t27"."_pledge_key",
          "t27"."pledge_amount",
          "t24"."_award_key",
          "t24"."award_count"
        FROM (
          SELECT
            "t11"."akey",
            "t11"."app_date",
            "t11"."pub_date",
            "t11"."priority_date",
            "t11"."grant_date",
            "t11"."documents",
            "t11"."pub_number",
            "t11"."pub_country",
            "t11"."patent_type",
            "t11"."legal_status",
            "t11"."is_valid",
            "t11"."applicant_country",
            "t11"."province",
            "t11"."city",
            "t11"."applicants_std",
            "t11"."applicant_types",
            "t11"."sei_codes",
            "t11"."sei_top",
            "t11"."family_id",
            "t11"."family_countries",
            "t11"."ipc4",
            "t11"."applicant_set",
            "t11"."applicant_type_set",
            "t11"."has_sei",
            "t11"."coop_pairs",
            "t11"."family",
            "t11"."abroad",
            "t11"."family_abroad",
            "t11"."family_first",
            "t11"."family_lead",
            "t11"."end_event",
            "t11"."status_end",
            "t11"."term_end",
            "t11"."end_date",
            CASE
              WHEN "t11"."grant_date" IS NULL
              THEN CASE WHEN "t11"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
              WHEN "t11"."grant_date" > MAKE_DATE(2020, 12, 31)
              THEN FALSE
              WHEN "t11"."is_valid"
              THEN TRUE
              WHEN "t11"."is_valid" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              WHEN "t11"."end_date" IS NOT NULL
              THEN "t11"."end_date" > MAKE_DATE(2020, 12, 31)
              WHEN "t11"."term_end" <= MAKE_DATE(2020, 12, 31)
              THEN FALSE
              ELSE CAST(NULL AS BOOLEAN)
            END AS "in_force",
            CASE
              WHEN "t11"."_granted"
              AND (
                "t11"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND (
                "t11"."legal_status" = 'expired'
              )
              THEN 'expired'
              WHEN "t11"."_granted"
              AND (
                "t11"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND "t11"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              THEN 'lapsed'
              ELSE CAST(NULL AS TEXT)
            END AS "ended",
            COALESCE(
              "t11"."_granted"
              AND "t11"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              AND (
                "t11"."end_date" IS NULL
              )
              AND (
                (
                  "t11"."grant_date" IS NULL
                )
                OR (
                  "t11"."grant_date" <= MAKE_DATE(2020, 12, 31)
                )
              ),
              FALSE
            ) AS "ended_unknown"
          FROM (
            SELECT
              "t2"."akey",
              "t2"."app_date",
              "t2"."pub_date",
              "t2"."priority_date",
              "t2"."grant_date",
              "t2"."documents",
              "t2"."pub_number",
              "t2"."pub_country",
              "t2"."patent_type",
              "t2"."legal_status",
              "t2"."is_valid",
              "t2"."applicant_country",
              "t2"."province",
              "t2"."city",
              "t2"."applicants_std",
              "t2"."applicant_types",
              "t2"."sei_codes",
              "t2"."sei_top",
              "t2"."family_id",
              "t2"."family_countries",
              "t2"."ipc4",
              "t2"."applicant_set",
              "t2"."applicant_type_set",
              "t2"."has_sei",
              "t2"."coop_pairs",
              "t2"."family",
              "t2"."abroad",
              "t2"."family_abroad",
              "t2"."family_first",
              "t2"."family_lead",
              "t2"."end_event",
              "t2"."status_end",
              "t2"."term_end",
              CAST(NULL AS TEXT) AS "_akey",
              "t2"."end_event" AS "_end_event",
              CASE
                WHEN COALESCE("t2"."is_valid", FALSE)
                THEN CAST(NULL AS DATE)
                WHEN "t2"."legal_status" = 'expired'
                THEN COALESCE("t2"."end_event", "t2"."term_end")
                WHEN "t2"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                THEN "t2"."end_event"
                ELSE CAST(NULL AS DATE)
              END AS "end_date",
              (
                "t2"."legal_status" IN ('lapsed', 'invalidated', 'expired')
                OR (
                  "t2"."grant_date" IS NOT NULL
                )
              )
              AND NOT (
                "t2"."legal_status" IN ('pending', 'withdrawn', 'rejected')
              ) AS "_granted"
            FROM "_seip_applications" AS "t2"
            WHERE
              "t2"."pub_country" = 'CN'
          ) AS "t11"
          WHERE
            "t11"."patent_type" = 'invention'
            AND "t11"."applicant_country" = 'CN'
            AND CASE
              WHEN "t11"."grant_date" IS NULL
              THEN CASE WHEN "t11"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
              WHEN "t11"."grant_date" > MAKE_DATE(2020, 12, 31)
              THEN FALSE
              WHEN "t11"."is_valid"
              THEN TRUE
              WHEN "t11"."is_valid" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              WHEN "t11"."end_date" IS NOT NULL
              THEN "t11"."end_date" > MAKE_DATE(2020, 12, 31)
              WHEN "t11"."term_end" <= MAKE_DATE(2020, 12, 31)
              THEN FALSE
              ELSE CAST(NULL AS BOOLEAN)
            END
        ) AS "t17"
        LEFT OUTER JOIN (
          SELECT
            "t25"."akey" AS "_pledge_key",
            "t25"."_amount" AS "pledge_amount"
          FROM (
            SELECT
              "t22"."akey",
              SUM("t22"."amount") AS "_amount"
            FROM (
              SELECT
                "t19"."kind",
                "t19"."number",
                "t19"."app_number",
                "t19"."pub_number",
                "t19"."name",
                "t19"."level",
                "t19"."year",
                "t19"."amount",
                "t19"."event_date",
                "t19"."qualifies",
                "t19"."source_file",
                "t19"."source_row",
                "t19"."imported_at",
                "t19"."_pub",
                "t19"."_app",
                COALESCE("t19"."app_number", "t19"."_app", "t19"."pub_number") AS "akey"
              FROM "t18" AS "t19"
              WHERE
                "t19"."kind" = 'pledge'
                AND "t19"."amount" IS NOT NULL
                AND (
                  (
                    COALESCE("t19"."event_date", MAKE_DATE(CAST("t19"."year" AS INT), 12, 31)) IS NULL
                  )
                  OR (
                    COALESCE("t19"."event_date", MAKE_DATE(CAST("t19"."year" AS INT), 12, 31)) <= MAKE_DATE(2020, 12, 31)
                  )
                )
            ) AS "t22"
            GROUP BY
              1
          ) AS "t25"
          WHERE
            "t25"."_amount" >= 1000.0
        ) AS "t27"
          ON "t17"."akey" = "t27"."_pledge_key"
        LEFT OUTER JOIN (
          SELECT
            "t21"."akey" AS "_award_key",
            "t21"."award_count"
          FROM (
            SELECT
              "t20"."akey",
              COUNT(*) AS "award_count"
            FROM (
              SELECT
                "t19"."kind",
                "t19"."number",
                "t19"."app_number",
                "t19"."pub_number",
                "t19"."name",
                "t19"."level",
                "t19"."year",
                "t19"."amount",
                "t19"."event_date",
                "t19"."qualifies",
                "t19"."source_file",
                "t19"."source_row",
                "t19"."imported_at",
                "t19"."_pub",
                "t19"."_app",
                COALESCE("t19"."app_number", "t19"."_app", "t19"."pub_number") AS "akey"
              FROM "t18" AS "t19"
              WHERE
                "t19"."kind" = 'award'
                AND "t19"."qualifies"
                AND (
                  (
                    "t19"."year" IS NULL
                  ) OR (
                    "t19"."year" <= 2020
                  )
                )
            ) AS "t20"
            GROUP BY
              1
          ) AS "t21"
        ) AS "t24"
          ON "t17"."akey" = "t24"."_award_key"
      ) AS "t28"
    ) AS "t29"
  ) AS "t31"
  CROSS JOIN (
    SELECT
      SUM(CAST("t0"."kind" = 'pledge' AS INT)) AS "pledge_rows",
      SUM(CAST((
        "t0"."kind" = 'award'
      ) AND "t0"."qualifies" AS INT)) AS "award_rows"
    FROM "awards" AS "t0"
  ) AS "t12"
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
  ) AS "t13"
) AS "t32"
