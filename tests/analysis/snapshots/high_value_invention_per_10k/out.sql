WITH "t14" AS (
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
    "t12"."_pub",
    "t12"."_app"
  FROM "awards" AS "t6"
  LEFT OUTER JOIN (
    SELECT
      "t9"."_pub",
      "t9"."_app"
    FROM (
      SELECT
        "t3"."pub_number" AS "_pub",
        COALESCE("t3"."app_number", "t3"."pub_number") AS "_app"
      FROM "patents" AS "t3"
    ) AS "t9"
    SEMI JOIN "awards" AS "t7"
      ON "t9"."_pub" = "t7"."pub_number"
  ) AS "t12"
    ON "t6"."pub_number" = "t12"."_pub"
), "t31" AS (
  SELECT
    "t30"."province",
    "t30"."city",
    SUM("t30"."_n") AS "numerator",
    SUM("t30"."_u") AS "undetermined"
  FROM (
    SELECT
      "t29"."province",
      "t29"."city",
      "t29"."counted",
      "t29"."undetermined",
      CAST(COALESCE("t29"."counted", FALSE) AS BIGINT) AS "_n",
      CAST(COALESCE("t29"."undetermined", FALSE) AS BIGINT) AS "_u"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t13"."province",
          "t13"."city",
          "t13"."in_force"
          AND (
            COALESCE("t13"."has_sei", FALSE)
            OR COALESCE("t13"."family_abroad", FALSE)
            OR COALESCE((
              "t13"."app_date" + INTERVAL '10' YEAR
            ) < MAKE_DATE(2020, 12, 31), FALSE)
          ) AS "counted",
          (
            "t13"."in_force" IS NULL
          )
          AND (
            COALESCE("t13"."has_sei", FALSE)
            OR COALESCE("t13"."family_abroad", FALSE)
            OR COALESCE((
              "t13"."app_date" + INTERVAL '10' YEAR
            ) < MAKE_DATE(2020, 12, 31), FALSE)
          ) AS "undetermined"
        FROM (
          SELECT
            "t10"."akey",
            "t10"."app_date",
            "t10"."pub_date",
            "t10"."priority_date",
            "t10"."grant_date",
            "t10"."documents",
            "t10"."pub_number",
            "t10"."pub_country",
            "t10"."patent_type",
            "t10"."legal_status",
            "t10"."is_valid",
            "t10"."applicant_country",
            "t10"."province",
            "t10"."city",
            "t10"."applicants_std",
            "t10"."applicant_types",
            "t10"."sei_codes",
            "t10"."sei_top",
            "t10"."family_id",
            "t10"."family_countries",
            "t10"."ipc4",
            "t10"."applicant_set",
            "t10"."applicant_type_set",
            "t10"."has_sei",
            "t10"."coop_pairs",
            "t10"."family",
            "t10"."abroad",
            "t10"."family_abroad",
            "t10"."family_first",
            "t10"."family_lead",
            "t10"."end_event",
            "t10"."status_end",
            "t10"."term_end",
            "t10"."end_date",
            CASE
              WHEN "t10"."grant_date" IS NULL
              THEN CASE WHEN "t10"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
              WHEN "t10"."grant_date" > MAKE_DATE(2020, 12, 31)
              THEN FALSE
              WHEN "t10"."is_valid"
              THEN TRUE
              WHEN "t10"."is_valid" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              WHEN "t10"."end_date" IS NOT NULL
              THEN "t10"."end_date" > MAKE_DATE(2020, 12, 31)
              WHEN "t10"."term_end" <= MAKE_DATE(2020, 12, 31)
              THEN FALSE
              ELSE CAST(NULL AS BOOLEAN)
            END AS "in_force",
            CASE
              WHEN "t10"."_granted"
              AND (
                "t10"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND (
                "t10"."legal_status" = 'expired'
              )
              THEN 'expired'
              WHEN "t10"."_granted"
              AND (
                "t10"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND "t10"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              THEN 'lapsed'
              ELSE CAST(NULL AS TEXT)
            END AS "ended",
            COALESCE(
              "t10"."_granted"
              AND "t10"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              AND (
                "t10"."end_date" IS NULL
              )
              AND (
                (
                  "t10"."grant_date" IS NULL
                )
                OR (
                  "t10"."grant_date" <= MAKE_DATE(2020, 12, 31)
                )
              ),
              FALSE
            ) AS "ended_unknown"
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
              "t1"."has_sei",
              "t1"."coop_pairs",
              "t1"."family",
              "t1"."abroad",
              "t1"."family_abroad",
              "t1"."family_first",
              "t1"."family_lead",
              "t1"."end_event",
              "t1"."status_end",
              "t1"."term_end",
              CAST(NULL AS TEXT) AS "_akey",
              "t1"."end_event" AS "_end_event",
              CASE
                WHEN COALESCE("t1"."is_valid", FALSE)
                THEN CAST(NULL AS DATE)
                WHEN "t1"."legal_status" = 'expired'
                THEN COALESCE("t1"."end_event", "t1"."term_end")
                WHEN "t1"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                THEN "t1"."end_event"
                ELSE CAST(NULL AS DATE)
              END AS "end_date",
              (
                "t1"."legal_status" IN ('lapsed', 'invalidated', 'expired')
                OR (
                  "t1"."grant_date" IS NOT NULL
                )
              )
              AND NOT (
                "t1"."legal_status" IN ('pending', 'withdrawn', 'rejected')
              ) AS "_granted"
            FROM "_seip_applications" AS "t1"
            WHERE
              "t1"."pub_country" = 'CN'
          ) AS "t10"
          WHERE
            "t10"."patent_type" = 'invention' AND "t10"."applicant_country" = 'CN'
        ) AS "t13"
        WHERE
          (
            "t13"."in_force" IS NULL
          ) OR "t13"."in_force"
      ) AS "t17"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t27"."province",
          "t27"."city",
          "t27"."in_force" AS "counted",
          "t27"."in_force" IS NULL AS "undetermined"
        FROM (
          SELECT
            "t26"."akey",
            "t26"."app_date",
            "t26"."pub_date",
            "t26"."priority_date",
            "t26"."grant_date",
            "t26"."documents",
            "t26"."pub_number",
            "t26"."pub_country",
            "t26"."patent_type",
            "t26"."legal_status",
            "t26"."is_valid",
            "t26"."applicant_country",
            "t26"."province",
            "t26"."city",
            "t26"."applicants_std",
            "t26"."applicant_types",
            "t26"."sei_codes",
            "t26"."sei_top",
            "t26"."family_id",
            "t26"."family_countries",
            "t26"."ipc4",
            "t26"."applicant_set",
            "t26"."applicant_type_set",
            "t26"."has_sei",
            "t26"."coop_pairs",
            "t26"."family",
            "t26"."abroad",
            "t26"."family_abroad",
            "t26"."family_first",
            "t26"."family_lead",
            "t26"."end_event",
            "t26"."status_end",
            "t26"."term_end",
            "t26"."end_date",
            CASE
              WHEN "t26"."grant_date" IS NULL
              THEN CASE WHEN "t26"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
              WHEN "t26"."grant_date" > MAKE_DATE(2020, 12, 31)
              THEN FALSE
              WHEN "t26"."is_valid"
              THEN TRUE
              WHEN "t26"."is_valid" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              WHEN "t26"."end_date" IS NOT NULL
              THEN "t26"."end_date" > MAKE_DATE(2020, 12, 31)
              WHEN "t26"."term_end" <= MAKE_DATE(2020, 12, 31)
              THEN FALSE
              ELSE CAST(NULL AS BOOLEAN)
            END AS "in_force",
            CASE
              WHEN "t26"."_granted"
              AND (
                "t26"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND (
                "t26"."legal_status" = 'expired'
              )
              THEN 'expired'
              WHEN "t26"."_granted"
              AND (
                "t26"."end_date" <= MAKE_DATE(2020, 12, 31)
              )
              AND "t26"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              THEN 'lapsed'
              ELSE CAST(NULL AS TEXT)
            END AS "ended",
            COALESCE(
              "t26"."_granted"
              AND "t26"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
              AND (
                "t26"."end_date" IS NULL
              )
              AND (
                (
                  "t26"."grant_date" IS NULL
                )
                OR (
                  "t26"."grant_date" <= MAKE_DATE(2020, 12, 31)
                )
              ),
              FALSE
            ) AS "ended_unknown"
          FROM (
            SELECT
              "t25"."akey",
              "t25"."app_date",
              "t25"."pub_date",
              "t25"."priority_date",
              "t25"."grant_date",
              "t25"."documents",
              "t25"."pub_number",
              "t25"."pub_country",
              "t25"."patent_type",
              "t25"."legal_status",
              "t25"."is_valid",
              "t25"."applicant_country",
              "t25"."province",
              "t25"."city",
              "t25"."applicants_std",
              "t25"."applicant_types",
              "t25"."sei_codes",
              "t25"."sei_top",
              "t25"."family_id",
              "t25"."family_countries",
              "t25"."ipc4",
              "t25"."applicant_set",
              "t25"."applicant_type_set",
              "t25"."has_sei",
              "t25"."coop_pairs",
              "t25"."family",
              "t25"."abroad",
              "t25"."family_abroad",
              "t25"."family_first",
              "t25"."family_lead",
              "t25"."end_event",
              "t25"."status_end",
              "t25"."term_end",
              CAST(NULL AS TEXT) AS "_akey",
              "t25"."end_event" AS "_end_event",
              CASE
                WHEN COALESCE("t25"."is_valid", FALSE)
                THEN CAST(NULL AS DATE)
                WHEN "t25"."legal_status" = 'expired'
                THEN COALESCE("t25"."end_event", "t25"."term_end")
                WHEN "t25"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
                THEN "t25"."end_event"
                ELSE CAST(NULL AS DATE)
              END AS "end_date",
              (
                "t25"."legal_status" IN ('lapsed', 'invalidated', 'expired')
                OR (
                  "t25"."grant_date" IS NOT NULL
                )
              )
              AND NOT (
                "t25"."legal_status" IN ('pending', 'withdrawn', 'rejected')
              ) AS "_granted"
            FROM (
              SELECT
                "t5"."akey",
                "t5"."app_date",
                "t5"."pub_date",
                "t5"."priority_date",
                "t5"."grant_date",
                "t5"."documents",
                "t5"."pub_number",
                "t5"."pub_country",
                "t5"."patent_type",
                "t5"."legal_status",
                "t5"."is_valid",
                "t5"."applicant_country",
                "t5"."province",
                "t5"."city",
                "t5"."applicants_std",
                "t5"."applicant_types",
                "t5"."sei_codes",
                "t5"."sei_top",
                "t5"."family_id",
                "t5"."family_countries",
                "t5"."ipc4",
                "t5"."applicant_set",
                "t5"."applicant_type_set",
                "t5"."has_sei",
                "t5"."coop_pairs",
                "t5"."family",
                "t5"."abroad",
                "t5"."family_abroad",
                "t5"."family_first",
                "t5"."family_lead",
                "t5"."end_event",
                "t5"."status_end",
                "t5"."term_end"
              FROM "_seip_applications" AS "t5"
              SEMI JOIN (
                SELECT
                  *
                FROM (
                  SELECT
                    "t21"."akey" AS "_k"
                  FROM (
                    SELECT
                      "t19"."akey",
                      SUM("t19"."amount") AS "_amount"
                    FROM (
                      SELECT
                        "t15"."kind",
                        "t15"."number",
                        "t15"."app_number",
                        "t15"."pub_number",
                        "t15"."name",
                        "t15"."level",
                        "t15"."year",
                        "t15"."amount",
                        "t15"."event_date",
                        "t15"."qualifies",
                        "t15"."source_file",
                        "t15"."source_row",
                        "t15"."imported_at",
                        "t15"."_pub",
                        "t15"."_app",
                        COALESCE("t15"."app_number", "t15"."_app", "t15"."pub_number") AS "akey"
                      FROM "t14" AS "t15"
                      WHERE
                        "t15"."kind" = 'pledge'
                        AND "t15"."amount" IS NOT NULL
                        AND (
                          (
                            COALESCE("t15"."event_date", MAKE_DATE(CAST("t15"."year" AS INT), 12, 31)) IS NULL
                          )
                          OR (
                            COALESCE("t15"."event_date", MAKE_DATE(CAST("t15"."year" AS INT), 12, 31)) <= MAKE_DATE(2020, 12, 31)
                          )
                        )
                    ) AS "t19"
                    GROUP BY
                      1
                  ) AS "t21"
                  WHERE
                    "t21"."_amount" >= 1000.0
                ) AS "t22"
                UNION ALL
                SELECT
                  *
                FROM (
                  SELECT
                    "t18"."akey" AS "_k"
                  FROM (
                    SELECT
                      "t16"."akey",
                      COUNT(*) AS "award_count"
                    FROM (
                      SELECT
                        "t15"."kind",
                        "t15"."number",
                        "t15"."app_number",
                        "t15"."pub_number",
                        "t15"."name",
                        "t15"."level",
                        "t15"."year",
                        "t15"."amount",
                        "t15"."event_date",
                        "t15"."qualifies",
                        "t15"."source_file",
                        "t15"."source_row",
                        "t15"."imported_at",
                        "t15"."_pub",
                        "t15"."_app",
                        COALESCE("t15"."app_number", "t15"."_app", "t15"."pub_number") AS "akey"
                      FROM "t14" AS "t15"
                      WHERE
                        "t15"."kind" = 'award'
                        AND "t15"."qualifies"
                        AND (
                          (
                            "t15"."year" IS NULL
                          ) OR (
                            "t15"."year" <= 2020
                          )
                        )
                    ) AS "t16"
                    GROUP BY
                      1
                  ) AS "t18"
                ) AS "t20"
              ) AS "t24"
                ON "t5"."akey" = "t24"."_k"
            ) AS "t25"
            WHERE
              "t25"."pub_country" = 'CN'
          ) AS "t26"
          WHERE
            "t26"."patent_type" = 'invention' AND "t26"."applicant_country" = 'CN'
        ) AS "t27"
        WHERE
          (
            (
              "t27"."in_force" IS NULL
            ) OR "t27"."in_force"
          )
          AND NOT (
            COALESCE("t27"."has_sei", FALSE)
            OR COALESCE("t27"."family_abroad", FALSE)
            OR COALESCE((
              "t27"."app_date" + INTERVAL '10' YEAR
            ) < MAKE_DATE(2020, 12, 31), FALSE)
          )
      ) AS "t28"
    ) AS "t29"
  ) AS "t30"
  GROUP BY
    1,
    2
)
SELECT
  COALESCE("t4"."level", "t41"."level") AS "level",
  COALESCE("t4"."province", "t41"."province") AS "province",
  COALESCE("t4"."name", "t41"."region") AS "region",
  COALESCE("t41"."numerator", 0) AS "numerator",
  "t4"."population" AS "denominator",
  (
    CAST(COALESCE("t41"."numerator", 0) AS DOUBLE) * 10000
  ) / "t4"."population" AS "value",
  COALESCE("t41"."undetermined", 0) AS "undetermined"
FROM "ibis_pyarrow_memtable_0" AS "t4"
FULL OUTER JOIN (
  SELECT
    *
  FROM (
    SELECT
      'city' AS "level",
      "t32"."province",
      "t32"."city" AS "region",
      "t32"."numerator",
      "t32"."undetermined"
    FROM "t31" AS "t32"
    WHERE
      "t32"."city" IS NOT NULL
  ) AS "t34"
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
        "t35"."numerator",
        "t35"."undetermined"
      FROM (
        SELECT
          SUM("t32"."numerator") AS "numerator",
          SUM("t32"."undetermined") AS "undetermined"
        FROM "t31" AS "t32"
      ) AS "t35"
    ) AS "t36"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        'province' AS "level",
        "t37"."province",
        "t37"."province" AS "region",
        "t37"."numerator",
        "t37"."undetermined"
      FROM (
        SELECT
          "t33"."province",
          SUM("t33"."numerator") AS "numerator",
          SUM("t33"."undetermined") AS "undetermined"
        FROM (
          SELECT
            *
          FROM "t31" AS "t32"
          WHERE
            "t32"."province" IS NOT NULL
        ) AS "t33"
        GROUP BY
          1
      ) AS "t37"
    ) AS "t38"
  ) AS "t39"
) AS "t41"
  ON "t4"."level" = "t41"."level" AND "t4"."name" = "t41"."region"
