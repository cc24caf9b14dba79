WITH "t6" AS (
  SELECT
    *
  FROM "legal_events" AS "t2"
  WHERE
    "t2"."category" IN ('lapse', 'expiry', 'invalidation', 'abandonment')
    AND "t2"."event_date" IS NOT NULL
), "t22" AS (
  SELECT
    "t21"."province",
    "t21"."city",
    SUM("t21"."_n") AS "numerator",
    SUM("t21"."_u") AS "undetermined"
  FROM (
    SELECT
      "t20"."akey",
      "t20"."app_date",
      "t20"."pub_date",
      "t20"."priority_date",
      "t20"."grant_date",
      "t20"."documents",
      "t20"."pub_number",
      "t20"."pub_country",
      "t20"."patent_type",
      "t20"."legal_status",
      "t20"."is_valid",
      "t20"."applicant_country",
      "t20"."province",
      "t20"."city",
      "t20"."applicants_std",
      "t20"."applicant_types",
      "t20"."sei_codes",
      "t20"."sei_top",
      "t20"."family_id",
      "t20"."family_countries",
      "t20"."ipc4",
      "t20"."applicant_set",
      "t20"."applicant_type_set",
      "t20"."coop_pairs",
      "t20"."family",
      "t20"."abroad",
      "t20"."family_abroad",
      "t20"."family_first",
      "t20"."family_lead",
      "t20"."end_date",
      "t20"."in_force",
      "t20"."ended",
      "t20"."ended_unknown",
      CAST(COALESCE("t20"."in_force" AND COALESCE(ARRAY_LENGTH("t20"."sei_codes") > 0, FALSE), FALSE) AS BIGINT) AS "_n",
      CAST(COALESCE(
        (
          "t20"."in_force" IS NULL
        )
        AND COALESCE(ARRAY_LENGTH("t20"."sei_codes") > 0, FALSE),
        FALSE
      ) AS BIGINT) AS "_u"
    FROM (
      SELECT
        "t19"."akey",
        "t19"."app_date",
        "t19"."pub_date",
        "t19"."priority_date",
        "t19"."grant_date",
        "t19"."documents",
        "t19"."pub_number",
        "t19"."pub_country",
        "t19"."patent_type",
        "t19"."legal_status",
        "t19"."is_valid",
        "t19"."applicant_country",
        "t19"."province",
        "t19"."city",
        "t19"."applicants_std",
        "t19"."applicant_types",
        "t19"."sei_codes",
        "t19"."sei_top",
        "t19"."family_id",
        "t19"."family_countries",
        "t19"."ipc4",
        "t19"."applicant_set",
        "t19"."applicant_type_set",
        "t19"."coop_pairs",
        "t19"."family",
        "t19"."abroad",
        "t19"."family_abroad",
        "t19"."family_first",
        "t19"."family_lead",
        "t19"."end_date",
        CASE
          WHEN "t19"."grant_date" IS NULL
          THEN CASE WHEN "t19"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
          WHEN "t19"."grant_date" > MAKE_DATE(2020, 12, 31)
          THEN FALSE
          WHEN "t19"."is_valid"
          THEN TRUE
          WHEN "t19"."is_valid" IS NULL
          THEN CAST(NULL AS BOOLEAN)
          WHEN "t19"."end_date" IS NOT NULL
          THEN "t19"."end_date" > MAKE_DATE(2020, 12, 31)
          WHEN CASE
            WHEN "t19"."patent_type" = 'invention'
            THEN "t19"."app_date" + INTERVAL '20' YEAR
            WHEN "t19"."patent_type" = 'utility_model'
            THEN "t19"."app_date" + INTERVAL '10' YEAR
            WHEN (
              "t19"."patent_type" = 'design'
            )
            AND (
              "t19"."pub_country" = 'US'
            )
            AND (
              "t19"."app_date" >= MAKE_DATE(2015, 5, 13)
            )
            THEN "t19"."grant_date" + INTERVAL '15' YEAR
            WHEN (
              "t19"."patent_type" = 'design'
            ) AND (
              "t19"."pub_country" = 'US'
            )
            THEN "t19"."grant_date" + INTERVAL '14' YEAR
            WHEN (
              "t19"."patent_type" = 'design'
            )
            AND (
              "t19"."pub_country" = 'CN'
            )
            AND (
              "t19"."app_date" >= MAKE_DATE(2021, 6, 1)
            )
            THEN "t19"."app_date" + INTERVAL '15' YEAR
            WHEN (
              "t19"."patent_type" = 'design'
            ) AND (
              "t19"."pub_country" = 'CN'
            )
            THEN "t19"."app_date" + INTERVAL '10' YEAR
            ELSE CAST(NULL AS DATE)
          END <= MAKE_DATE(2020, 12, 31)
          THEN FALSE
          ELSE CAST(NULL AS BOOLEAN)
        END AS "in_force",
        CASE
          WHEN "t19"."_granted"
          AND (
            "t19"."end_date" <= MAKE_DATE(2020, 12, 31)
          )
          AND (
            "t19"."legal_status" = 'expired'
          )
          THEN 'expired'
          WHEN "t19"."_granted"
          AND (
            "t19"."end_date" <= MAKE_DATE(2020, 12, 31)
          )
          AND "t19"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
          THEN 'lapsed'
          ELSE CAST(NULL AS TEXT)
        END AS "ended",
        COALESCE(
          "t19"."_granted"
          AND "t19"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
          AND (
            "t19"."end_date" IS NULL
          )
          AND (
            (
              "t19"."grant_date" IS NULL
            )
            OR (
              "t19"."grant_date" <= MAKE_DATE(2020, 12, 31)
            )
          ),
          FALSE
        ) AS "ended_unknown"
      FROM (
        SELECT
          "t18"."akey",
          "t18"."app_date",
          "t18"."pub_date",
          "t18"."priority_date",
          "t18"."grant_date",
          "t18"."documents",
          "t18"."pub_number",
          "t18"."pub_country",
          "t18"."patent_type",
          "t18"."legal_status",
          "t18"."is_valid",
          "t18"."applicant_country",
          "t18"."province",
          "t18"."city",
          "t18"."applicants_std",
          "t18"."applicant_types",
          "t18"."sei_codes",
          "t18"."sei_top",
          "t18"."family_id",
          "t18"."family_countries",
          "t18"."ipc4",
          "t18"."applicant_set",
          "t18"."applicant_type_set",
          "t18"."coop_pairs",
          "t18"."family",
          "t18"."abroad",
          "t18"."family_abroad",
          "t18"."family_first",
          "t18"."family_lead",
          "t18"."_akey",
          "t18"."_end_event",
          CASE
            WHEN COALESCE("t18"."is_valid", FALSE)
            THEN CAST(NULL AS DATE)
            WHEN "t18"."legal_status" = 'expired'
            THEN COALESCE(
              "t18"."_end_event",
              CASE
                WHEN "t18"."patent_type" = 'invention'
                THEN "t18"."app_date" + INTERVAL '20' YEAR
                WHEN "t18"."patent_type" = 'utility_model'
                THEN "t18"."app_date" + INTERVAL '10' YEAR
                WHEN (
                  "t18"."patent_type" = 'design'
                )
                AND (
                  "t18"."pub_country" = 'US'
                )
                AND (
                  "t18"."app_date" >= MAKE_DATE(2015, 5, 13)
                )
                THEN "t18"."grant_date" + INTERVAL '15' YEAR
                WHEN (
                  "t18"."patent_type" = 'design'
                ) AND (
                  "t18"."pub_country" = 'US'
                )
                THEN "t18"."grant_date" + INTERVAL '14' YEAR
                WHEN (
                  "t18"."patent_type" = 'design'
                )
                AND (
                  "t18"."pub_country" = 'CN'
                )
                AND (
                  "t18"."app_date" >= MAKE_DATE(2021, 6, 1)
                )
                THEN "t18"."app_date" + INTERVAL '15' YEAR
                WHEN (
                  "t18"."patent_type" = 'design'
                ) AND (
                  "t18"."pub_country" = 'CN'
                )
                THEN "t18"."app_date" + INTERVAL '10' YEAR
                ELSE CAST(NULL AS DATE)
              END
            )
            WHEN "t18"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
            THEN "t18"."_end_event"
            ELSE CAST(NULL AS DATE)
          END AS "end_date",
          (
            "t18"."legal_status" IN ('lapsed', 'invalidated', 'expired')
            OR (
              "t18"."grant_date" IS NOT NULL
            )
          )
          AND NOT (
            "t18"."legal_status" IN ('pending', 'withdrawn', 'rejected')
          ) AS "_granted"
        FROM (
          SELECT
            "t8"."akey",
            "t8"."app_date",
            "t8"."pub_date",
            "t8"."priority_date",
            "t8"."grant_date",
            "t8"."documents",
            "t8"."pub_number",
            "t8"."pub_country",
            "t8"."patent_type",
            "t8"."legal_status",
            "t8"."is_valid",
            "t8"."applicant_country",
            "t8"."province",
            "t8"."city",
            "t8"."applicants_std",
            "t8"."applicant_types",
            "t8"."sei_codes",
            "t8"."sei_top",
            "t8"."family_id",
            "t8"."family_countries",
            "t8"."ipc4",
            "t8"."applicant_set",
            "t8"."applicant_type_set",
            "t8"."coop_pairs",
            "t8"."family",
            "t8"."abroad",
            "t8"."family_abroad",
            "t8"."family_first",
            "t8"."family_lead",
            "t17"."_akey",
            "t17"."_end_event"
          FROM (
            SELECT
              *
            FROM "_seip_applications" AS "t1"
            WHERE
              "t1"."pub_country" = 'CN'
          ) AS "t8"
          LEFT OUTER JOIN (
            SELECT
              "t15"."_akey",
              MAX("t15"."event_date") AS "_end_event"
            FROM (
              SELECT
                "t11"."pub_number",
                "t11"."event_date",
                "t11"."code",
                "t11"."description",
                "t11"."authority",
                "t11"."influence",
                "t11"."category",
                "t11"."import_id",
                "t14"."_pub",
                "t14"."_akey"
              FROM "t6" AS "t11"
              INNER JOIN (
                SELECT
                  "t10"."_pub",
                  "t10"."_akey"
                FROM (
                  SELECT
                    "t3"."pub_number" AS "_pub",
                    COALESCE("t3"."app_number", "t3"."pub_number") AS "_akey"
                  FROM "patents" AS "t3"
                ) AS "t10"
                SEMI JOIN "t6" AS "t12"
                  ON "t10"."_pub" = "t12"."pub_number"
              ) AS "t14"
                ON "t11"."pub_number" = "t14"."_pub"
            ) AS "t15"
            GROUP BY
              1
          ) AS "t17"
            ON "t8"."akey" = "t17"."_akey"
        ) AS "t18"
      ) AS "t19"
      WHERE
        "t19"."patent_type" = 'invention' AND "t19"."applicant_country" = 'CN'
    ) AS "t20"
  ) AS "t21"
  GROUP BY
    1,
    2
)
SELECT
  COALESCE("t4"."level", "t32"."level") AS "level",
  COALESCE("t4"."province", "t32"."province") AS "province",
  COALESCE("t4"."name", "t32"."region") AS "region",
  COALESCE("t32"."numerator", 0) AS "numerator",
  CAST(NULL AS BIGINT) AS "denominator",
  CAST(COALESCE("t32"."numerator", 0) AS DOUBLE) AS "value",
  COALESCE("t32"."undetermined", 0) AS "undetermined"
FROM "ibis_pyarrow_memtable_0" AS "t4"
FULL OUTER JOIN (
  SELECT
    *
  FROM (
    SELECT
      'city' AS "level",
      "t23"."province",
      "t23"."city" AS "region",
      "t23"."numerator",
      "t23"."undetermined"
    FROM "t22" AS "t23"
    WHERE
      "t23"."city" IS NOT NULL
  ) AS "t25"
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
        "t26"."numerator",
        "t26"."undetermined"
      FROM (
        SELECT
          SUM("t23"."numerator") AS "numerator",
          SUM("t23"."undetermined") AS "undetermined"
        FROM "t22" AS "t23"
      ) AS "t26"
    ) AS "t27"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        'province' AS "level",
        "t28"."province",
        "t28"."province" AS "region",
        "t28"."numerator",
        "t28"."undetermined"
      FROM (
        SELECT
          "t24"."province",
          SUM("t24"."numerator") AS "numerator",
          SUM("t24"."undetermined") AS "undetermined"
        FROM (
          SELECT
            *
          FROM "t22" AS "t23"
          WHERE
            "t23"."province" IS NOT NULL
        ) AS "t24"
        GROUP BY
          1
      ) AS "t28"
    ) AS "t29"
  ) AS "t30"
) AS "t32"
  ON "t4"."level" = "t32"."level" AND "t4"."name" = "t32"."region"
