WITH "t6" AS (
  SELECT
    "t5"."province",
    "t5"."city",
    SUM("t5"."_n") AS "numerator",
    SUM("t5"."_u") AS "undetermined"
  FROM (
    SELECT
      "t4"."akey",
      "t4"."app_date",
      "t4"."pub_date",
      "t4"."priority_date",
      "t4"."grant_date",
      "t4"."documents",
      "t4"."pub_number",
      "t4"."pub_country",
      "t4"."patent_type",
      "t4"."legal_status",
      "t4"."is_valid",
      "t4"."applicant_country",
      "t4"."province",
      "t4"."city",
      "t4"."applicants_std",
      "t4"."applicant_types",
      "t4"."sei_codes",
      "t4"."sei_top",
      "t4"."family_id",
      "t4"."family_countries",
      "t4"."ipc4",
      "t4"."applicant_set",
      "t4"."applicant_type_set",
      "t4"."has_sei",
      "t4"."coop_pairs",
      "t4"."family",
      "t4"."abroad",
      "t4"."family_abroad",
      "t4"."family_first",
      "t4"."family_lead",
      "t4"."end_event",
      "t4"."status_end",
      "t4"."term_end",
      "t4"."end_date",
      "t4"."in_force",
      "t4"."ended",
      "t4"."ended_unknown",
      CAST(COALESCE("t4"."in_force", FALSE) AS BIGINT) AS "_n",
      CAST(COALESCE("t4"."in_force" IS NULL, FALSE) AS BIGINT) AS "_u"
    FROM (
      SELECT
        "t3"."akey",
        "t3"."app_date",
        "t3"."pub_date",
        "t3"."priority_date",
        "t3"."grant_date",
        "t3"."documents",
        "t3"."pub_number",
        "t3"."pub_country",
        "t3"."patent_type",
        "t3"."legal_status",
        "t3"."is_valid",
        "t3"."applicant_country",
        "t3"."province",
        "t3"."city",
        "t3"."applicants_std",
        "t3"."applicant_types",
        "t3"."sei_codes",
        "t3"."sei_top",
        "t3"."family_id",
        "t3"."family_countries",
        "t3"."ipc4",
        "t3"."applicant_set",
        "t3"."applicant_type_set",
        "t3"."has_sei",
        "t3"."coop_pairs",
        "t3"."family",
        "t3"."abroad",
        "t3"."family_abroad",
        "t3"."family_first",
        "t3"."family_lead",
        "t3"."end_event",
        "t3"."status_end",
        "t3"."term_end",
        "t3"."end_date",
        CASE
          WHEN "t3"."grant_date" IS NULL
          THEN CASE WHEN "t3"."is_valid" = FALSE THEN FALSE ELSE CAST(NULL AS BOOLEAN) END
          WHEN "t3"."grant_date" > MAKE_DATE(2020, 12, 31)
          THEN FALSE
          WHEN "t3"."is_valid"
          THEN TRUE
          WHEN "t3"."is_valid" IS NULL
          THEN CAST(NULL AS BOOLEAN)
          WHEN "t3"."end_date" IS NOT NULL
          THEN "t3"."end_date" > MAKE_DATE(2020, 12, 31)
          WHEN "t3"."term_end" <= MAKE_DATE(2020, 12, 31)
          THEN FALSE
          ELSE CAST(NULL AS BOOLEAN)
        END AS "in_force",
        CASE
          WHEN "t3"."_granted"
          AND (
            "t3"."end_date" <= MAKE_DATE(2020, 12, 31)
          )
          AND (
            "t3"."legal_status" = 'expired'
          )
          THEN 'expired'
          WHEN "t3"."_granted"
          AND (
            "t3"."end_date" <= MAKE_DATE(2020, 12, 31)
          )
          AND "t3"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
          THEN 'lapsed'
          ELSE CAST(NULL AS TEXT)
        END AS "ended",
        COALESCE(
          "t3"."_granted"
          AND "t3"."legal_status" IN ('lapsed', 'invalidated', 'abandoned')
          AND (
            "t3"."end_date" IS NULL
          )
          AND (
            (
              "t3"."grant_date" IS NULL
            )
            OR (
              "t3"."grant_date" <= MAKE_DATE(2020, 12, 31)
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
      ) AS "t3"
      WHERE
        "t3"."patent_type" = 'invention' AND "t3"."applicant_country" = 'CN'
    ) AS "t4"
  ) AS "t5"
  GROUP BY
    1,
    2
)
SELECT
  COALESCE("t2"."level", "t16"."level") AS "level",
  COALESCE("t2"."province", "t16"."province") AS "province",
  COALESCE("t2"."name", "t16"."region") AS "region",
  COALESCE("t16"."numerator", 0) AS "numerator",
  CAST(NULL AS BIGINT) AS "denominator",
  CAST(COALESCE("t16"."numerator", 0) AS DOUBLE) AS "value",
  COALESCE("t16"."undetermined", 0) AS "undetermined"
FROM "ibis_pyarrow_memtable_0" AS "t2"
FULL OUTER JOIN (
  SELECT
    *
  FROM (
    SELECT
      'city' AS "level",
      "t7"."province",
      "t7"."city" AS "region",
      "t7"."numerator",
      "t7"."undetermined"
    FROM "t6" AS "t7"
    WHERE
      "t7"."city" IS NOT NULL
  ) AS "t9"
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
        "t10"."numerator",
        "t10"."undetermined"
      FROM (
        SELECT
          SUM("t7"."numerator") AS "numerator",
          SUM("t7"."undetermined") AS "undetermined"
        FROM "t6" AS "t7"
      ) AS "t10"
    ) AS "t11"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        'province' AS "level",
        "t12"."province",
        "t12"."province" AS "region",
        "t12"."numerator",
        "t12"."undetermined"
      FROM (
        SELECT
          "t8"."province",
          SUM("t8"."numerator") AS "numerator",
          SUM("t8"."undetermined") AS "undetermined"
        FROM (
          SELECT
            *
          FROM "t6" AS "t7"
          WHERE
            "t7"."province" IS NOT NULL
        ) AS "t8"
        GROUP BY
          1
      ) AS "t12"
    ) AS "t13"
  ) AS "t14"
) AS "t16"
  ON "t2"."level" = "t16"."level" AND "t2"."name" = "t16"."region"
