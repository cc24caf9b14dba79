WITH "t4" AS (
  SELECT
    "t3"."province",
    "t3"."city",
    SUM("t3"."_n") AS "numerator",
    SUM("t3"."_u") AS "undetermined"
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
      CAST(COALESCE(TRUE, FALSE) AS BIGINT) AS "_n",
      CAST(FALSE AS BIGINT) AS "_u"
    FROM "_seip_applications" AS "t1"
    WHERE
      "t1"."pub_country" = 'WO'
      AND "t1"."applicant_country" = 'CN'
      AND EXTRACT(year FROM "t1"."app_date") = 2020
  ) AS "t3"
  GROUP BY
    1,
    2
)
SELECT
  COALESCE("t2"."level", "t14"."level") AS "level",
  COALESCE("t2"."province", "t14"."province") AS "province",
  COALESCE("t2"."name", "t14"."region") AS "region",
  COALESCE("t14"."numerator", 0) AS "numerator",
  CAST(NULL AS BIGINT) AS "denominator",
  CAST(COALESCE("t14"."numerator", 0) AS DOUBLE) AS "value",
  COALESCE("t14"."undetermined", 0) AS "undetermined"
FROM "ibis_pyarrow_memtable_0" AS "t2"
FULL OUTER JOIN (
  SELECT
    *
  FROM (
    SELECT
      'city' AS "level",
      "t5"."province",
      "t5"."city" AS "region",
      "t5"."numerator",
      "t5"."undetermined"
    FROM "t4" AS "t5"
    WHERE
      "t5"."city" IS NOT NULL
  ) AS "t7"
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
        "t8"."numerator",
        "t8"."undetermined"
      FROM (
        SELECT
          SUM("t5"."numerator") AS "numerator",
          SUM("t5"."undetermined") AS "undetermined"
        FROM "t4" AS "t5"
      ) AS "t8"
    ) AS "t9"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        'province' AS "level",
        "t10"."province",
        "t10"."province" AS "region",
        "t10"."numerator",
        "t10"."undetermined"
      FROM (
        SELECT
          "t6"."province",
          SUM("t6"."numerator") AS "numerator",
          SUM("t6"."undetermined") AS "undetermined"
        FROM (
          SELECT
            *
          FROM "t4" AS "t5"
          WHERE
            "t5"."province" IS NOT NULL
        ) AS "t6"
        GROUP BY
          1
      ) AS "t10"
    ) AS "t11"
  ) AS "t12"
) AS "t14"
  ON "t2"."level" = "t14"."level" AND "t2"."name" = "t14"."region"
