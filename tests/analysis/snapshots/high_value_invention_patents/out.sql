WITH "t9" AS (
  SELECT
    *
  FROM "legal_events" AS "t3"
  WHERE
    "t3"."category" IN ('lapse', 'expiry', 'invalidation', 'abandonment')
    AND "t3"."event_date" IS NOT NULL
), "t22" AS (
  SELECT
    "t6"."kind",
    "t6"."number",
    "t6"."app_number",
    "t6"."pub_number",
    "t6"."name",
    "t6"."level",
    "t6"."year",
    "t6"."amount",
    "t6"."event_date",
    "t6"."qualifies",
    "t6"."source_file",
    "t6"."source_row",
    "t6"."imported_at",
    "t20"."_pub",
    "t20"."_app"
  FROM "awards" AS "t6"
  LEFT OUTER JOIN (
    SELECT
      "t14"."_pub",
      "t14"."_app"
    FROM (
      SELECT
        "t4"."pub_number" AS "_pub",
        COALESCE("t4"."app_number", "t4"."pub_number") AS "_app"
      FROM "patents" AS "t4"
    ) AS "t14"
    SEMI JOIN "awards" AS "t7"
      ON "t14"."_pub" = "t7"."pub_number"
  ) AS "t20"
    ON "t6"."pub_number" = "t20"."_pub"
), "t43" AS (
  SELECT
    "t42"."province",
    "t42"."city",
    SUM("t42"."_n") AS "numerator",
    SUM("t42"."_u") AS "undetermined"
  FROM (
    SELECT
      "t41"."akey",
      "t41"."app_date",
      "t41"."pub_date",
      "t41"."priority_date",
      "t41"."grant_date",
      "t41"."documents",
      "t41"."pub_number",
      "t41"."pub_country",
      "t41"."patent_type",
      "t41"."legal_status",
      "t41"."is_valid",
      "t41"."applicant_country",
      "t41"."province",
      "t41"."city",
      "t41"."applicants_std",
      "t41"."applicant_types",
      "t41"."sei_codes",
      "t41"."sei_top",
      "t41"."family_id",
      "t41"."family_countries",
      "t41"."ipc4",
      "t41"."applicant_set",
      "t41"."applicant_type_set",
      "t41"."coop_pairs",
      "t41"."family",
      "t41"."abroad",
      "t41"."family_abroad",
      "t41"."family_first",
      "t41"."family_lead",
      "t41"."end_date",
      "t41"."in_force",
      "t41"."ended",
      "t41"."ended_unknown",
      "t41"."pledge_amount",
      "t41"."award_count",
      "t41"."sei",
      "t41"."overseas_family",
      "t41"."maintained_10y",
      "t41"."high_pledge",
      "t41"."award",
      "t41"."criteria",
      "t41"."high_value",
      CAST(COALESCE("t41"."in_force" AND "t41"."high_value", FALSE) AS BIGINT) AS "_n",
      CAST(COALESCE((
        "t41"."in_force" IS NULL
      ) AND "t41"."high_value", FALSE) AS BIGINT) AS "_u"
    FROM (
      SELECT
        "t40"."akey",
        "t40"."app_date",
        "t40"."pub_date",
        "t40"."priority_date",
        "t40"."grant_date",
        "t40"."documents",
        "t40"."pub_number",
        "t40"."pub_country",
        "t40"."patent_type",
        "t40"."legal_status",
        "t40"."is_valid",
        "t40"."applicant_country",
        "t40"."province",
        "t40"."city",
        "t40"."applicants_std",
        "t40"."applicant_types",
        "t40"."sei_codes",
        "t40"."sei_top",
        "t40"."family_id",
        "t40"."family_countries",
        "t40"."ipc4",
        "t40"."applicant_set",
        "t40"."applicant_type_set",
        "t40"."coop_pairs",
        "t40"."family",
        "t40"."abroad",
        "t40"."family_abroad",
        "t40"."family_first",
        "t40"."family_lead",
        "t40"."end_date",
        "t40"."in_force",
        "t40"."ended",
        "t40"."ended_unknown",
        "t40"."pledge_amount",
        COALESCE("t40"."award_count", 0) AS "award_count",
        COALESCE(ARRAY_LENGTH("t40"."sei_codes") > 0, FALSE) AS "sei",
        "t40"."family_abroad" AS "overseas_family",
        COALESCE((
          "t40"."app_date" + INTERVAL '10' YEAR
        ) < MAKE_DATE(2020, 12, 31), FALSE) AS "maintained_10y",
        "t40"."_pledge_key" IS NOT NULL AS "high_pledge",
        "t40"."_award_key" IS NOT NULL AS "award",
        LIST_FILTER(
          CAST([
            CASE
              WHEN COALESCE(ARRAY_LENGTH("t40"."sei_codes") > 0, FALSE)
              THEN 'sei'
              ELSE NULL
            END,
            CASE WHEN "t40"."family_abroad" THEN 'overseas_family' ELSE NULL END,
            CASE
              WHEN COALESCE((
                "t40"."app_date" + INTERVAL '10' YEAR
              ) < MAKE_DATE(2020, 12, 31), FALSE)
              THEN 'maintained_10y'
              ELSE NULL
            END,
            CASE WHEN "t40"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
            CASE WHEN "t40"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
          ] AS TEXT[]),
          LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
        ) AS "criteria",
        ARRAY_LENGTH(
          LIST_FILTER(
            CAST([
              CASE
                WHEN COALESCE(ARRAY_LENGTH("t40"."sei_codes") > 0, FALSE)
                THEN 'sei'
                ELSE NULL
              END,
              CASE WHEN "t40"."family_abroad" THEN 'overseas_family' ELSE NULL END,
              CASE
                WHEN COALESCE((
                  "t40"."app_date" + INTERVAL '10' YEAR
                ) < MAKE_DATE(2020, 12, 31), FALSE)
                THEN 'maintained_10y'
                ELSE NULL
              END,
              CASE WHEN "t40"."_pledge_key" IS NOT NULL THEN 'high_pledge' ELSE NULL END,
              CASE WHEN "t40"."_award_key" IS NOT NULL THEN 'award' ELSE NULL END
            ] AS TEXT[]),
            LAMBDA __ibis_param_c__ : __ibis_param_c__ IS NOT NULL
          )
        ) > 0 AS "high_value"
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
          "t39"."in_force",
          "t39"."ended",
          "t39"."ended_unknown",
          "t35"."_pledge_key",
          "t35"."pledge_amount",
          "t32"."_award_key",
          "t32"."award_count"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t36"."akey",
              "t36"."app_date",
              "t36"."pub_date",
              "t36"."priority_date",
              "t36"."grant_date",
              "t36"."documents",
              "t36"."pub_number",
              "t36"."pub_country",
              "t36"."patent_type",
              "t36"."legal_status",
              "t36"."is_valid",
              "t36"."applicant_country",
              "t36"."province",
              "t36"."city",
              "t36"."applicants_std",
              "t36"."applicant_types",
              "t36"."sei_codes",
              "t36"."sei_top",
              "t36"."family_id",
              "t36"."family_countries",
              "t36"."ipc4",
              "t36"."applicant_set",
              "t36"."applicant_type_set",
              "t36"."coop_pairs",
              "t36"."family",
              "t36"."abroad",
              "t36"."family_abroad",
              "t36"."family_first",
              "t36"."family_lead",
              "t36"."end_date",
              CASE
                WHEN "t36"."grant_date" IS NULL
                THEN CASE WHEN "t36"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
                WHEN "t36"."grant_date" > MAKE_DATE(2020, 12, 31)
                THEN FALSE
                WHEN "t36"."is_valid"
                THEN TRUE
                WHEN "t36"."is_valid" IS NULL
                THEN CAST(NULL AS BOOLEAN)
                WHEN "t36"."end_date" IS NOT NULL
                THEN "t36"."end_date" > MAKE_DATE(2020, 12, 31)
                WHEN CASE
                  WHEN "t36"."patent_type" = 'invention'
                  THEN "t36"."app_date" + INTERVAL '20' YEAR
                  WHEN "t36"."patent_type" = 'utility_model'
                  THEN "t36"."app_date" + INTERVAL '10' YEAR
                  WHEN (
                    "t36"."patent_type" = 'design'
                  )
                  AND (
                    "t36"."pub_country" = 'US'
                  )
                  AND (
                    "t36"."app_date" >= MAKE_DATE(2015, 5, 13)
                  )
                  THEN "t36"."grant_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t36"."patent_type" = 'design'
                  ) AND (
                    "t36"."pub_country" = 'US'
                  )
                  THEN "t36"."grant_date" + INTERVAL '14' YEAR
                  WHEN (
                    "t36"."patent_type" = 'design'
                  )
                  AND (
                    "t36"."pub_country" = 'CN'
                  )
                  AND (
                    "t36"."app_date" >= MAKE_DATE(2021, 6, 1)
                  )
                  THEN "t36"."app_date" + INTERVAL '15' YEAR
                  WHEN (
                    "t36"."patent_type" = 'design'
                  ) AND (
                    "t36"."pub_country" = 'CN'
                  )
                  THEN "t36"."app_date" + INTERVAL '10' YEAR
                  ELSE CAST(NULL AS DATE)
                END <= MAKE_DATE(2020, 12, 31)
                THEN FALSE
                ELSE CAST(NULL AS BOOLEAN)
              END AS "in_force",
              CASE
                WHEN "t36"."_granted"
                AND (
                  "t36"."end_date" <= MAKE_DATE(2020, 12, 31)
                )
                AND (
                  "t36"."legal_status" = 'expired'
                )
                THEN 'expired'
                WHEN "t36"."_granted"
                AND (
                  "t36"."end_date" <= MAKE_DATE(2020, 12, 31)
                )
                AND "t36"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                THEN 'lapsed'
                ELSE CAST(NULL AS TEXT)
              END AS "ended",
              COALESCE(
                "t36"."_granted"
                AND "t36"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                AND (
                  "t36"."end_date" IS NULL
                )
                AND (
                  (
                    "t36"."grant_date" IS NULL
                  )
                  OR (
                    "t36"."grant_date" <= MAKE_DATE(2020, 12, 31)
                  )
                ),
                FALSE
              ) AS "ended_unknown"
            FROM (
              SELECT
                "t30"."akey",
                "t30"."app_date",
                "t30"."pub_date",
                "t30"."priority_date",
                "t30"."grant_date",
                "t30"."documents",
                "t30"."pub_number",
                "t30"."pub_country",
                "t30"."patent_type",
                "t30"."legal_status",
                "t30"."is_valid",
                "t30"."applicant_country",
                "t30"."province",
                "t30"."city",
                "t30"."applicants_std",
                "t30"."applicant_types",
                "t30"."sei_codes",
                "t30"."sei_top",
                "t30"."family_id",
                "t30"."family_countries",
                "t30"."ipc4",
                "t30"."applicant_set",
                "t30"."applicant_type_set",
                "t30"."coop_pairs",
                "t30"."family",
                "t30"."abroad",
                "t30"."family_abroad",
                "t30"."family_first",
                "t30"."family_lead",
                "t30"."_akey",
                "t30"."_end_event",
                CASE
                  WHEN COALESCE("t30"."is_valid", FALSE)
                  THEN CAST(NULL AS DATE)
                  WHEN "t30"."legal_status" = 'expired'
                  THEN COALESCE(
                    "t30"."_end_event",
                    CASE
                      WHEN "t30"."patent_type" = 'invention'
                      THEN "t30"."app_date" + INTERVAL '20' YEAR
                      WHEN "t30"."patent_type" = 'utility_model'
                      THEN "t30"."app_date" + INTERVAL '10' YEAR
                      WHEN (
                        "t30"."patent_type" = 'design'
                      )
                      AND (
                        "t30"."pub_country" = 'US'
                      )
                      AND (
                        "t30"."app_date" >= MAKE_DATE(2015, 5, 13)
                      )
                      THEN "t30"."grant_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t30"."patent_type" = 'design'
                      ) AND (
                        "t30"."pub_country" = 'US'
                      )
                      THEN "t30"."grant_date" + INTERVAL '14' YEAR
                      WHEN (
                        "t30"."patent_type" = 'design'
                      )
                      AND (
                        "t30"."pub_country" = 'CN'
                      )
                      AND (
                        "t30"."app_date" >= MAKE_DATE(2021, 6, 1)
                      )
                      THEN "t30"."app_date" + INTERVAL '15' YEAR
                      WHEN (
                        "t30"."patent_type" = 'design'
                      ) AND (
                        "t30"."pub_country" = 'CN'
                      )
                      THEN "t30"."app_date" + INTERVAL '10' YEAR
                      ELSE CAST(NULL AS DATE)
                    END
                  )
                  WHEN "t30"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                  THEN "t30"."_end_event"
                  ELSE CAST(NULL AS DATE)
                END AS "end_date",
                (
                  "t30"."legal_status" IN ('lapsed', 'invalidated', 'expired')
                  OR (
                    "t30"."grant_date" IS NOT NULL
                  )
                )
                AND NOT (
                  "t30"."legal_status" IN ('pending', 'withdrawn', 'rejected')
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
                  "t26"."_akey",
                  "t26"."_end_event"
                FROM (
                  SELECT
                    *
                  FROM "_seip_applications" AS "t1"
                  WHERE
                    "t1"."pub_country" = 'CN'
                ) AS "t12"
                LEFT OUTER JOIN (
                  SELECT
                    "t23"."_akey",
                    MAX("t23"."event_date") AS "_end_event"
                  FROM (
                    SELECT
                      "t16"."pub_number",
                      "t16"."event_date",
                      "t16"."code",
                      "t16"."description",
                      "t16"."authority",
                      "t16"."influence",
                      "t16"."category",
                      "t16"."import_id",
                      "t21"."_pub",
                      "t21"."_akey"
                    FROM "t9" AS "t16"
                    INNER JOIN (
                      SELECT
                        "t15"."_pub",
                        "t15"."_akey"
                      FROM (
                        SELECT
                          "t4"."pub_number" AS "_pub",
                          COALESCE("t4"."app_number", "t4"."pub_number") AS "_akey"
                        FROM "patents" AS "t4"
                      ) AS "t15"
                      SEMI JOIN "t9" AS "t17"
                        ON "t15"."_pub" = "t17"."pub_number"
                    ) AS "t21"
                      ON "t16"."pub_number" = "t21"."_pub"
                  ) AS "t23"
                  GROUP BY
                    1
                ) AS "t26"
                  ON "t12"."akey" = "t26"."_akey"
              ) AS "t30"
            ) AS "t36"
            WHERE
              "t36"."patent_type" = 'invention' AND "t36"."applicant_country" = 'CN'
          ) AS "t37"
          WHERE
            (
              "t37"."in_force" IS NULL
            ) OR "t37"."in_force"
        ) AS "t39"
        LEFT OUTER JOIN (
          SELECT
            "t33"."akey" AS "_pledge_key",
            "t33"."_amount" AS "pledge_amount"
          FROM (
            SELECT
              "t29"."akey",
              SUM("t29"."amount") AS "_amount"
            FROM (
              SELECT
                "t24"."kind",
                "t24"."number",
                "t24"."app_number",
                "t24"."pub_number",
                "t24"."name",
                "t24"."level",
                "t24"."year",
                "t24"."amount",
                "t24"."event_date",
                "t24"."qualifies",
                "t24"."source_file",
                "t24"."source_row",
                "t24"."imported_at",
                "t24"."_pub",
                "t24"."_app",
                COALESCE("t24"."app_number", "t24"."_app", "t24"."pub_number") AS "akey"
              FROM "t22" AS "t24"
              WHERE
                "t24"."kind" = 'pledge'
                AND "t24"."amount" IS NOT NULL
                AND (
                  (
                    COALESCE("t24"."event_date", MAKE_DATE(CAST("t24"."year" AS INT), 12, 31)) IS NULL
                  )
                  OR (
                    COALESCE("t24"."event_date", MAKE_DATE(CAST("t24"."year" AS INT), 12, 31)) <= MAKE_DATE(2020, 12, 31)
                  )
                )
            ) AS "t29"
            GROUP BY
              1
          ) AS "t33"
          WHERE
            "t33"."_amount" >= 1000.0
        ) AS "t35"
          ON "t39"."akey" = "t35"."_pledge_key"
        LEFT OUTER JOIN (
          SELECT
            "t28"."akey" AS "_award_key",
            "t28"."award_count"
          FROM (
            SELECT
              "t27"."akey",
              COUNT(*) AS "award_count"
            FROM (
              SELECT
                "t24"."kind",
                "t24"."number",
                "t24"."app_number",
                "t24"."pub_number",
                "t24"."name",
                "t24"."level",
                "t24"."year",
                "t24"."amount",
                "t24"."event_date",
                "t24"."qualifies",
                "t24"."source_file",
                "t24"."source_row",
                "t24"."imported_at",
                "t24"."_pub",
                "t24"."_app",
                COALESCE("t24"."app_number", "t24"."_app", "t24"."pub_number") AS "akey"
              FROM "t22" AS "t24"
              WHERE
                "t24"."kind" = 'award'
                AND "t24"."qualifies"
                AND (
                  (
                    "t24"."year" IS NULL
                  ) OR (
                    "t24"."year" <= 2020
                  )
                )
            ) AS "t27"
            GROUP BY
              1
          ) AS "t28"
        ) AS "t32"
          ON "t39"."akey" = "t32"."_award_key"
      ) AS "t40"
    ) AS "t41"
  ) AS "t42"
  GROUP BY
    1,
    2
)
SELECT
  COALESCE("t5"."level", "t53"."level") AS "level",
  COALESCE("t5"."province", "t53"."province") AS "province",
  COALESCE("t5"."name", "t53"."region") AS "region",
  COALESCE("t53"."numerator", 0) AS "numerator",
  CAST(NULL AS BIGINT) AS "denominator",
  CAST(COALESCE("t53"."numerator", 0) AS DOUBLE) AS "value",
  COALESCE("t53"."undetermined", 0) AS "undetermined"
FROM "ibis_pyarrow_memtable_0" AS "t5"
FULL OUTER JOIN (
  SELECT
    *
  FROM (
    SELECT
      'city' AS "level",
      "t44"."province",
      "t44"."city" AS "region",
      "t44"."numerator",
      "t44"."undetermined"
    FROM "t43" AS "t44"
    WHERE
      "t44"."city" IS NOT NULL
  ) AS "t46"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        'national' AS "level",
        CAST(NULL AS TEXT) AS "province",
        '全国' AS "region",
        "t47"."numerator",
        "t47"."undetermined"
      FROM (
        SELECT
          SUM("t44"."numerator") AS "numerator",
          SUM("t44"."undetermined") AS "undetermined"
        FROM "t43" AS "t44"
      ) AS "t47"
    ) AS "t48"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        'province' AS "level",
        "t49"."province",
        "t49"."province" AS "region",
        "t49"."numerator",
        "t49"."undetermined"
      FROM (
        SELECT
          "t45"."province",
          SUM("t45"."numerator") AS "numerator",
          SUM("t45"."undetermined") AS "undetermined"
        FROM (
          SELECT
            *
          FROM "t43" AS "t44"
          WHERE
            "t44"."province" IS NOT NULL
        ) AS "t45"
        GROUP BY
          1
      ) AS "t49"
    ) AS "t50"
  ) AS "t51"
) AS "t53"
  ON "t5"."level" = "t53"."level" AND "t5"."name" = "t53"."region"
