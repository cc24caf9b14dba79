WITH "t16" AS (
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
    "t11"."year",
    UNNEST("t11"."sei_codes") AS "sei"
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
      CAST(EXTRACT(year FROM "t2"."app_date") AS BIGINT) AS "year"
    FROM "_seip_applications" AS "t2"
    WHERE
      "t2"."pub_country" = 'CN'
      AND "t2"."app_date" >= MAKE_DATE(2013, 1, 1)
      AND "t2"."app_date" <= MAKE_DATE(2020, 12, 31)
  ) AS "t11"
), "t22" AS (
  SELECT
    "t21"."sei",
    "t21"."region",
    "t21"."subject",
    "t21"."year",
    COUNT(*) AS "n"
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
      "t17"."year",
      "t17"."sei",
      "t17"."province" AS "region",
      '' AS "subject"
    FROM "t16" AS "t17"
    WHERE
      "t17"."province" IS NOT NULL
  ) AS "t21"
  GROUP BY
    1,
    2,
    3,
    4
), "t29" AS (
  SELECT
    "t24"."sei",
    "t24"."region",
    "t24"."subject",
    "t24"."year",
    COUNT(DISTINCT "t24"."akey") AS "n"
  FROM (
    SELECT
      "t12"."akey",
      "t15"."year",
      "t20"."sei",
      "t20"."region",
      "t20"."subject"
    FROM (
      SELECT
        "t4"."pub_number",
        "t4"."event_date",
        "t4"."code",
        "t4"."description",
        "t4"."authority",
        "t4"."influence",
        "t4"."category",
        "t4"."import_id",
        CAST(EXTRACT(year FROM "t4"."event_date") AS BIGINT) AS "year"
      FROM "legal_events" AS "t4"
      WHERE
        "t4"."category" IN ('transfer')
        AND CAST(EXTRACT(year FROM "t4"."event_date") AS BIGINT) BETWEEN 2013 AND 2020
    ) AS "t15"
    INNER JOIN (
      SELECT
        "t5"."pub_number",
        COALESCE("t5"."app_number", "t5"."pub_number") AS "akey"
      FROM "patents" AS "t5"
    ) AS "t12"
      ON "t15"."pub_number" = "t12"."pub_number"
    INNER JOIN (
      SELECT
        "t14"."sei",
        "t14"."province" AS "region",
        '' AS "subject",
        "t14"."akey"
      FROM (
        SELECT
          "t9"."akey",
          "t9"."app_date",
          "t9"."pub_date",
          "t9"."priority_date",
          "t9"."grant_date",
          "t9"."documents",
          "t9"."pub_number",
          "t9"."pub_country",
          "t9"."patent_type",
          "t9"."legal_status",
          "t9"."is_valid",
          "t9"."applicant_country",
          "t9"."province",
          "t9"."city",
          "t9"."applicants_std",
          "t9"."applicant_types",
          "t9"."sei_codes",
          "t9"."sei_top",
          "t9"."family_id",
          "t9"."family_countries",
          "t9"."ipc4",
          "t9"."applicant_set",
          "t9"."applicant_type_set",
          "t9"."has_sei",
          "t9"."coop_pairs",
          "t9"."family",
          "t9"."abroad",
          "t9"."family_abroad",
          "t9"."family_first",
          "t9"."family_lead",
          "t9"."end_event",
          "t9"."status_end",
          "t9"."term_end",
          UNNEST("t9"."sei_codes") AS "sei"
        FROM (
          SELECT
            *
          FROM "_seip_applications" AS "t2"
          WHERE
            "t2"."pub_country" = 'CN'
        ) AS "t9"
      ) AS "t14"
      WHERE
        "t14"."province" IS NOT NULL
    ) AS "t20"
      ON "t12"."akey" = "t20"."akey"
  ) AS "t24"
  GROUP BY
    1,
    2,
    3,
    4
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      'foreign_share' AS "indicator",
      "t32"."sei",
      "t32"."region",
      "t32"."subject",
      "t32"."year",
      "t32"."value",
      "t32"."numerator",
      "t32"."denominator",
      "t32"."base",
      CASE
        WHEN (
          "t32"."value" IS NULL
        )
        OR (
          "t32"."base" < 30.0
        )
        OR (
          "t32"."base" IS NULL
        )
        THEN CAST(NULL AS BIGINT)
        WHEN "t32"."value" >= 0.5
        THEN 4
        WHEN "t32"."value" >= 0.35
        THEN 3
        WHEN "t32"."value" >= 0.25
        THEN 2
        WHEN "t32"."value" >= 0.15
        THEN 1
        ELSE 0
      END AS "level"
    FROM (
      SELECT
        "t27"."sei",
        "t27"."region",
        "t27"."subject",
        "t27"."year",
        CASE
          WHEN "t27"."denominator" > 0
          THEN "t27"."numerator" / "t27"."denominator"
          ELSE CAST(NULL AS DOUBLE)
        END AS "value",
        CAST("t27"."numerator" AS DOUBLE) AS "numerator",
        CAST("t27"."denominator" AS DOUBLE) AS "denominator",
        CAST("t27"."denominator" AS DOUBLE) AS "base"
      FROM (
        SELECT
          "t19"."sei",
          "t19"."region",
          "t19"."subject",
          "t19"."year",
          COUNT(*) FILTER(WHERE
            (
              "t19"."applicant_country" IS NOT NULL
            )
            AND NOT (
              "t19"."applicant_country" IN ('CN', 'HK', 'MO', 'TW')
            )) AS "numerator",
          COUNT(*) FILTER(WHERE
            "t19"."applicant_country" IS NOT NULL) AS "denominator"
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
            "t17"."year",
            "t17"."sei",
            '全国' AS "region",
            '' AS "subject"
          FROM "t16" AS "t17"
        ) AS "t19"
        GROUP BY
          1,
          2,
          3,
          4
      ) AS "t27"
      WHERE
        "t27"."year" >= 2016 AND "t27"."year" <= 2020
    ) AS "t32"
  ) AS "t38"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      'region_growth' AS "indicator",
      "t42"."sei",
      "t42"."region",
      "t42"."subject",
      "t42"."year",
      "t42"."value",
      "t42"."numerator",
      "t42"."denominator",
      "t42"."base",
      CASE
        WHEN (
          "t42"."value" IS NULL
        )
        OR (
          "t42"."base" < 10.0
        )
        OR (
          "t42"."base" IS NULL
        )
        THEN CAST(NULL AS BIGINT)
        WHEN "t42"."value" <= -0.5
        THEN 4
        WHEN "t42"."value" <= -0.35
        THEN 3
        WHEN "t42"."value" <= -0.2
        THEN 2
        WHEN "t42"."value" <= -0.1
        THEN 1
        ELSE 0
      END AS "level"
    FROM (
      SELECT
        "t40"."sei",
        "t40"."region",
        "t40"."subject",
        "t40"."year",
        CASE
          WHEN "t40"."mean" > 0
          THEN (
            "t40"."n" / "t40"."mean"
          ) - 1
          ELSE CAST(NULL AS DOUBLE)
        END AS "value",
        CAST("t40"."n" AS DOUBLE) AS "numerator",
        "t40"."mean" AS "denominator",
        "t40"."mean" AS "base"
      FROM (
        SELECT
          "t34"."sei",
          "t34"."region",
          "t34"."subject",
          "t34"."year",
          "t34"."n",
          CAST(LAG("t34"."n", 1) OVER (
            PARTITION BY "t34"."sei", "t34"."region", "t34"."subject"
            ORDER BY "t34"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t34"."n", 2) OVER (
            PARTITION BY "t34"."sei", "t34"."region", "t34"."subject"
            ORDER BY "t34"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t34"."n", 3) OVER (
            PARTITION BY "t34"."sei", "t34"."region", "t34"."subject"
            ORDER BY "t34"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS DOUBLE) / 3 AS "mean"
        FROM (
          SELECT
            "t28"."sei",
            "t28"."region",
            "t28"."subject",
            "t6"."year",
            COALESCE("t25"."n", 0) AS "n"
          FROM (
            SELECT DISTINCT
              "t23"."sei",
              "t23"."region",
              "t23"."subject"
            FROM "t22" AS "t23"
          ) AS "t28"
          CROSS JOIN "ibis_pandas_memtable_0" AS "t6"
          LEFT OUTER JOIN "t22" AS "t25"
            ON "t28"."sei" = "t25"."sei"
            AND "t28"."region" = "t25"."region"
            AND "t28"."subject" = "t25"."subject"
            AND "t6"."year" = "t25"."year"
        ) AS "t34"
      ) AS "t40"
      WHERE
        "t40"."year" >= 2016 AND "t40"."year" <= 2020
    ) AS "t42"
  ) AS "t46"
) AS "t47"
UNION ALL
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      'region_rank_change' AS "indicator",
      "t45"."sei",
      "t45"."region",
      "t45"."subject",
      "t45"."year",
      "t45"."value",
      "t45"."numerator",
      "t45"."denominator",
      "t45"."base",
      CASE
        WHEN (
          "t45"."value" IS NULL
        )
        OR (
          "t45"."base" < 10.0
        )
        OR (
          "t45"."base" IS NULL
        )
        THEN CAST(NULL AS BIGINT)
        WHEN "t45"."value" >= 8.0
        THEN 4
        WHEN "t45"."value" >= 4.0
        THEN 3
        WHEN "t45"."value" >= 2.0
        THEN 2
        WHEN "t45"."value" >= 1.0
        THEN 1
        ELSE 0
      END AS "level"
    FROM (
      SELECT
        "t43"."sei",
        "t43"."region",
        "t43"."subject",
        "t43"."year",
        CAST("t43"."rank" - "t43"."before" AS DOUBLE) AS "value",
        CAST("t43"."rank" AS DOUBLE) AS "numerator",
        CAST("t43"."before" AS DOUBLE) AS "denominator",
        "t43"."mean" AS "base"
      FROM (
        SELECT
          "t39"."sei",
          "t39"."region",
          "t39"."subject",
          "t39"."year",
          "t39"."n",
          "t39"."rank",
          LAG("t39"."rank", 1) OVER (
            PARTITION BY "t39"."sei", "t39"."region", "t39"."subject"
            ORDER BY "t39"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "before",
          CAST(LAG("t39"."n", 1) OVER (
            PARTITION BY "t39"."sei", "t39"."region", "t39"."subject"
            ORDER BY "t39"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t39"."n", 2) OVER (
            PARTITION BY "t39"."sei", "t39"."region", "t39"."subject"
            ORDER BY "t39"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t39"."n", 3) OVER (
            PARTITION BY "t39"."sei", "t39"."region", "t39"."subject"
            ORDER BY "t39"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS DOUBLE) / 3 AS "mean"
        FROM (
          SELECT
            "t35"."sei",
            "t35"."region",
            "t35"."subject",
            "t35"."year",
            "t35"."n",
            (
              RANK() OVER (
                PARTITION BY "t35"."sei", "t35"."year"
                ORDER BY "t35"."n" DESC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1 AS "rank"
          FROM (
            SELECT
              "t28"."sei",
              "t28"."region",
              "t28"."subject",
              "t8"."year",
              COALESCE("t25"."n", 0) AS "n"
            FROM (
              SELECT DISTINCT
                "t23"."sei",
                "t23"."region",
                "t23"."subject"
              FROM "t22" AS "t23"
            ) AS "t28"
            CROSS JOIN "ibis_pandas_memtable_1" AS "t8"
            LEFT OUTER JOIN "t22" AS "t25"
              ON "t28"."sei" = "t25"."sei"
              AND "t28"."region" = "t25"."region"
              AND "t28"."subject" = "t25"."subject"
              AND "t8"."year" = "t25"."year"
          ) AS "t35"
        ) AS "t39"
      ) AS "t43"
      WHERE
        "t43"."year" >= 2016 AND "t43"."year" <= 2020
    ) AS "t45"
  ) AS "t49"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      'transfer_surge' AS "indicator",
      "t44"."sei",
      "t44"."region",
      "t44"."subject",
      "t44"."year",
      "t44"."value",
      "t44"."numerator",
      "t44"."denominator",
      "t44"."base",
      CASE
        WHEN (
          "t44"."value" IS NULL
        )
        OR (
          "t44"."base" < 3.0
        )
        OR (
          "t44"."base" IS NULL
        )
        THEN CAST(NULL AS BIGINT)
        WHEN "t44"."value" >= 5.0
        THEN 4
        WHEN "t44"."value" >= 3.0
        THEN 3
        WHEN "t44"."value" >= 2.0
        THEN 2
        WHEN "t44"."value" >= 1.5
        THEN 1
        ELSE 0
      END AS "level"
    FROM (
      SELECT
        "t41"."sei",
        "t41"."region",
        "t41"."subject",
        "t41"."year",
        "t41"."n" / GREATEST("t41"."mean", 1.0) AS "value",
        CAST("t41"."n" AS DOUBLE) AS "numerator",
        "t41"."mean" AS "denominator",
        CAST("t41"."n" AS DOUBLE) AS "base"
      FROM (
        SELECT
          "t37"."sei",
          "t37"."region",
          "t37"."subject",
          "t37"."year",
          "t37"."n",
          CAST(LAG("t37"."n", 1) OVER (
            PARTITION BY "t37"."sei", "t37"."region", "t37"."subject"
            ORDER BY "t37"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t37"."n", 2) OVER (
            PARTITION BY "t37"."sei", "t37"."region", "t37"."subject"
            ORDER BY "t37"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) + LAG("t37"."n", 3) OVER (
            PARTITION BY "t37"."sei", "t37"."region", "t37"."subject"
            ORDER BY "t37"."year" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS DOUBLE) / 3 AS "mean"
        FROM (
          SELECT
            "t36"."sei",
            "t36"."region",
            "t36"."subject",
            "t7"."year",
            COALESCE("t31"."n", 0) AS "n"
          FROM (
            SELECT DISTINCT
              "t30"."sei",
              "t30"."region",
              "t30"."subject"
            FROM "t29" AS "t30"
          ) AS "t36"
          CROSS JOIN "ibis_pandas_memtable_2" AS "t7"
          LEFT OUTER JOIN "t29" AS "t31"
            ON "t36"."sei" = "t31"."sei"
            AND "t36"."region" = "t31"."region"
            AND "t36"."subject" = "t31"."subject"
            AND "t7"."year" = "t31"."year"
        ) AS "t37"
      ) AS "t41"
      WHERE
        "t41"."year" >= 2016 AND "t41"."year" <= 2020
    ) AS "t44"
  ) AS "t48"
) AS "t50"
