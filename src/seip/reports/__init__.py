"""Reports: HTML, PDF and XLSX documents and the patent map, rendered from analysis results.

May import: seip.analysis, seip.store, seip.records, seip.taxonomy, seip.errors, seip.i18n, stdlib, jinja2,
weasyprint, altair, vl_convert, xlsxwriter, numpy, scipy, scikit-learn, pacmap, rjieba, pyarrow.

Modules: :mod:`.fonts` (the CJK font check), :mod:`.charts` (figures and their tables), :mod:`.builder`
(report → HTML/PDF/XLSX), :mod:`.patent_map` (layout, clusters, labels) and :mod:`.topo` (the map drawn as a
topographic density map), and one module per report with its data module: the landscape report (:mod:`.landscape`,
:mod:`.landscape_data`, :mod:`.landscape_tech`), the navigation report (:mod:`.navigation`, :mod:`.navigation_data`),
the warning bulletin (:mod:`.bulletin`, :mod:`.bulletin_data`), the indicator report (:mod:`.indicator_report`,
:mod:`.indicator_data`) and the lapsed-patent compilation (:mod:`.lapsed_report`, the workbook :mod:`.lapsed_book`);
:mod:`.published` holds what the last three share. docs/reports.md is the user's guide.
"""
