"""Reports: HTML, PDF and XLSX documents and the patent map, rendered from analysis results.

May import: seip.analysis, seip.store, seip.records, seip.taxonomy, seip.errors, seip.i18n, stdlib, jinja2,
weasyprint, altair, vl_convert, xlsxwriter, numpy, scipy, scikit-learn, pacmap, rjieba, pyarrow.

Modules: :mod:`.fonts` (the CJK font check), :mod:`.charts` (figures and their tables), :mod:`.builder`
(report → HTML/PDF/XLSX), :mod:`.patent_map` (layout, clusters, labels) and :mod:`.topo` (the map drawn as a
topographic density map), and one module per report (:mod:`.landscape`). docs/reports.md is the user's guide.
"""
