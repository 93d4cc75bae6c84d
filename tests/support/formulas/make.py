"""Progress tables whose 評価 column holds formulas, written as two Python libraries write them.

openpyxl writes a formula with an empty cached result (<v></v>); XlsxWriter writes 0 as the result
(https://xlsxwriter.readthedocs.io/working_with_formulas.html, "Formula Results"). Both ask the
reading application to recalculate everything when the file is opened (<calcPr fullCalcOnLoad="1"/>),
which Excel and LibreOffice do and a reader that calculates nothing cannot. The files beside this
script are what it wrote (Debian 12: python3-openpyxl 3.0.9, python3-xlsxwriter 3.0.2):

    /usr/bin/python3 tests/support/formulas/make.py
"""
import os

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["分野", "No.", "枝番", "項目", "主な推進担当課", "評価", "実施内容", "当初予定（目標値）", "取組実績（実績値）", "備考", "計算用"]
ITEMS = [
    ("市民協働", "協働事業の推進", "協働推進課", "(協働事業数 60件)", "(協働事業数 62件)", 1.03),
    ("市民協働", "大学との連携", "協働推進課", "(連携事業数 20件)", "(連携事業数 19件)", 0.95),
    ("行政運営", "窓口の電子化", "情報政策課", "(電子申請の手続数 100件)", "(電子申請の手続数 120件)", 1.2),
    ("行政運営", "職員研修の充実", "職員課", "(研修の受講者数 500人)", "(研修の受講者数 450人)", 0.9),
    ("財政運営", "使用料の見直し", "財政課", "(見直した施設数 10施設)", "(見直した施設数 10施設)", 1.0),
    ("財政運営", "未利用地の売却", "資産活用課", "(売却件数 3件)", "(売却件数 1件)", 0.33),
]


def rows():
    for i, (category, title, department, plan, result, ratio) in enumerate(ITEMS):
        r = i + 2
        yield [category, i + 1, None, title, department, f'=IF(K{r}>=1,"A","B")', "取組", plan, result, None, ratio]


def with_openpyxl(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "進捗管理表"
    sheet.append(HEADER)
    for row in rows():
        sheet.append(row)
    book.save(path)


def with_xlsxwriter(path):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("進捗管理表")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows(), start=1):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()


with_openpyxl(os.path.join(HERE, "openpyxl.xlsx"))
with_xlsxwriter(os.path.join(HERE, "xlsxwriter.xlsx"))
