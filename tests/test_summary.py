"""The summary: the lead sentence, and for long articles the sentences covering the rest."""

from __future__ import annotations

import khabar
from khabar.pipeline import Pipeline
from khabar.summary.analyser import SummaryAnalyser
from khabar.text.analyser import TextAnalyser

OPTIONS = khabar.Options()


def summarise(text: str, title: str | None = None) -> list[str]:
    analysis = Pipeline([TextAnalyser(OPTIONS), SummaryAnalyser(OPTIONS)]).run(
        khabar.Article(text, title=title))
    return [analysis.text[analysis.sentences[i].start:analysis.sentences[i].end]
            for i in analysis.summary]


def test_a_dateline_is_passed_over_for_the_lead():
    text = ("عمّان - خاص\n"
            "أعلنت الحكومة الأردنية خطة لتوسيع شبكة النقل العام في العاصمة خلال العامين المقبلين.\n"
            "وقال الوزير إن الخطة تشمل خطوط حافلات جديدة.")
    assert summarise(text) == [
        "أعلنت الحكومة الأردنية خطة لتوسيع شبكة النقل العام في العاصمة خلال العامين المقبلين."]


def test_a_long_article_gets_the_sentences_that_cover_it():
    lead = "أعلنت وزارة الصحة حملة وطنية للتطعيم ضد الحصبة تستهدف مليون طفل في المدارس."
    filler = [
        "وشهدت العاصمة أمطارا غزيرة مساء السبت.",
        "وافتتح رئيس البلدية حديقة عامة في حي الشميساني.",
        "وارتفعت أسعار الخضار في الأسواق المركزية بنسبة طفيفة.",
        "وفاز فريق الفيصلي على منافسه في مباراة ودية.",
        "وأعلنت الجامعة الأردنية مواعيد التسجيل للفصل الصيفي.",
        "وتوقعت دائرة الأرصاد انخفاض درجات الحرارة نهاية الأسبوع.",
        "وزار وفد من رجال الأعمال المنطقة الصناعية في الزرقاء.",
        "وأقيم معرض للكتاب في مركز الحسين الثقافي.",
        "وناقش مجلس النواب مشروع قانون الضريبة.",
        "وعقدت نقابة المهندسين انتخاباتها الدورية.",
        "وأغلقت السلطات طريقا فرعيا لأعمال الصيانة.",
        "وكرّمت المدرسة طلابها المتفوقين في حفل سنوي.",
    ]
    key = "وأوضحت الوزارة أن حملة التطعيم ضد الحصبة في المدارس ستبدأ الأحد وتستمر أسبوعين."
    text = "\n".join([lead, *filler[:6], key, *filler[6:]])
    summary = summarise(text)
    assert summary[0] == lead
    assert key in summary
    assert len(summary) <= 3


def test_the_real_article_is_summarised_by_its_lead(example_analysis):
    text = example_analysis.text
    first = example_analysis.sentences[0]
    assert example_analysis.summary[0] == 0
    assert text[first.start:first.end].startswith("صرح مسؤولون أميركيون")
    assert len(example_analysis.summary) <= 3
