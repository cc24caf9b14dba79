SELECT
  "t3"."enterprise",
  "t3"."partner",
  "t3"."partner_type",
  COUNT(*) AS "count"
FROM (
  SELECT
    "t2"."pair"."enterprise" AS "enterprise",
    "t2"."pair"."partner" AS "partner",
    "t2"."pair"."partner_type" AS "partner_type"
  FROM (
    SELECT
      UNNEST("t1"."coop_pairs") AS "pair"
    FROM (
      SELECT
        "t0"."akey",
        "t0"."app_date",
        "t0"."pub_date",
        "t0"."priority_date",
        "t0"."grant_date",
        "t0"."documents",
        "t0"."pub_number",
        "t0"."pub_country",
        "t0"."patent_type",
        "t0"."legal_status",
        "t0"."is_valid",
        "t0"."applicant_country",
        "t0"."province",
        "t0"."city",
        "t0"."applicants_std",
        "t0"."applicant_types",
        "t0"."sei_codes",
        "t0"."sei_top",
        "t0"."family_id",
        "t0"."family_countries",
        "t0"."ipc4",
        "t0"."applicant_set",
        "t0"."applicant_type_set",
        "t0"."has_sei",
        "t0"."coop_pairs",
        "t0"."family",
        "t0"."abroad",
        "t0"."family_abroad",
        "t0"."family_first",
        "t0"."family_lead",
        "t0"."end_event",
        "t0"."status_end",
        "t0"."term_end",
        CAST(EXTRACT(year FROM "t0"."app_date") AS BIGINT) AS "year"
      FROM "_seip_applications" AS "t0"
      WHERE
        "t0"."coop_pairs" IS NOT NULL
    ) AS "t1"
  ) AS "t2"
) AS "t3"
GROUP BY
  1,
  2,
  3
