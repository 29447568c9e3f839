"""Attribution (khabar/attribution/): quotes, speakers, anonymous sources, relays, media.

Most tests run the text layer and the attribution step on sentences written for the test, with
the entities given by hand (as a recogniser would give them), so that each test checks
attribution alone; the end-to-end tests at the bottom run the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.attribution import AttributionAnalyser
from khabar.attribution.lexicon import lexicon
from khabar.attribution.oracle import GoldEntities
from khabar.model import Analysis, Article, Quote
from khabar.options import Options
from khabar.pipeline import Pipeline
from khabar.text.analyser import TextAnalyser

GOLD_DIR = Path(__file__).resolve().parent / "gold"
QUOTE_GOLD = sorted(GOLD_DIR.glob("quotes-*.json"))
OPTIONS = Options()


@pytest.fixture(scope="module")
def steps():
    return TextAnalyser(OPTIONS), AttributionAnalyser(OPTIONS)


def attribute(steps, text: str, entities: dict[str, tuple[str, list[str]]] | None = None
              ) -> Analysis:
    """Analyse ``text`` with entities given as {name: (type, [mention strings])}."""
    mentions = []
    for name, (kind, forms) in (entities or {}).items():
        spans = []
        for form in forms:
            start = 0
            while (at := text.find(form, start)) >= 0:
                spans.append([at, at + len(form)])
                start = at + len(form)
        assert spans, f"{form!r} is not in the text"
        mentions.append({"type": kind, "name": name, "mentions": spans})
    gold = {"text": text, "entities": mentions}
    text_step, quotes_step = steps
    return Pipeline([text_step, GoldEntities(OPTIONS, gold), quotes_step]).run(Article(text))


def content(analysis: Analysis, quote: Quote) -> str:
    return analysis.text[quote.start:quote.end]


def only(analysis: Analysis) -> Quote:
    assert len(analysis.quotes) == 1, [q.text for q in analysis.quotes]
    return analysis.quotes[0]


# --- the cue lexicon ------------------------------------------------------------------------

@pytest.mark.parametrize(("form", "lemma", "gender", "number"), [
    ("قالت", "قال", "f", "s"),
    ("وأضافت", "اضاف", "f", "s"),
    ("فأكدوا", "اكد", "m", "p"),
    ("تقول", "قال", "f", "s"),
    ("يؤكدون", "اكد", "m", "p"),
    ("نفت", "نفي", "f", "s"),
    ("مشيرة", "اشار", "f", "s"),
    ("مضيفين", "اضاف", "m", "p"),
])
def test_cue_forms_carry_gender_and_number(form, lemma, gender, number):
    from khabar.text.normalize import normalize

    cue = lexicon().cues[normalize(form)]
    assert (cue.lemma, cue.gender, cue.number) == (normalize(lemma), gender, number)


def test_words_that_only_look_like_cues_are_not_cues():
    from khabar.text.normalize import normalize

    cues = lexicon().cues
    for word in ("ردا", "ذكرا", "نقلا", "تابعة", "يعد"):
        assert normalize(word) not in cues, word


# --- direct, indirect, mixed ----------------------------------------------------------------

def test_indirect_content_starts_after_inna_and_leaves_the_full_stop_out(steps):
    a = attribute(steps, "قال وزير الخارجية سامر الحداد إن المحادثات ستستأنف في عمّان.",
                  {"سامر الحداد": ("PER", ["سامر الحداد"])})
    q = only(a)
    assert q.kind == "indirect"
    assert content(a, q) == "المحادثات ستستأنف في عمّان"
    assert q.cue.text == "قال" and q.cue.lemma == "قال"
    assert q.speaker.name == "سامر الحداد" and q.speaker.entity == "E1"
    assert a.text[q.speaker.start:q.speaker.end] == "سامر الحداد"
    assert q.text == content(a, q)


def test_direct_quote_after_a_colon_excludes_the_marks(steps):
    a = attribute(steps, "وقال الحداد: «لن نتراجع عن موقفنا».",
                  {"سامر الحداد": ("PER", ["الحداد"])})
    q = only(a)
    assert q.kind == "direct"
    assert content(a, q) == "لن نتراجع عن موقفنا"
    assert q.speaker.name == "سامر الحداد"


def test_direct_quote_right_after_a_medium_phrase(steps):
    a = attribute(steps, "وقالت المدعية العامة ليلى الحسن في بيان \"لن نتراجع عن التحقيق\". "
                  "وكتب المحامي في تغريدتين \"إن موكلي بريء من كل التهم\".",
                  {"ليلى الحسن": ("PER", ["ليلى الحسن"])})
    statement, tweet = a.quotes
    assert (statement.kind, content(a, statement)) == ("direct", "لن نتراجع عن التحقيق")
    assert statement.speaker.name == "ليلى الحسن" and statement.medium.text == "في بيان"
    assert content(a, tweet) == "إن موكلي بريء من كل التهم"
    assert tweet.speaker.name == "المحامي" and tweet.medium.type == "tweet"


def test_a_colon_after_inna_opens_a_direct_quote(steps):
    a = attribute(steps, "وقالت سالي باين لصحيفة محلية إن :\"أطفال المدارس لا يمسكون القلم\".",
                  {"سالي باين": ("PER", ["سالي باين"])})
    q = only(a)
    assert (q.kind, content(a, q)) == ("direct", "أطفال المدارس لا يمسكون القلم")


def test_a_verb_that_is_also_a_noun_opens_its_sentence(steps):
    """«طالب» is "demanded" and "student": after و at the start of a sentence, the verb."""
    a = attribute(steps, "وقال مصدر مسؤول إن الهجوم مدان. وطالب المصدر المجتمع الدولي "
                  "بالتحرك، مضيفا أن هذه الهجمات لن تمر.")
    second = a.quotes[1]
    assert content(a, second) == "هذه الهجمات لن تمر"
    assert second.speaker.name == "مصدر مسؤول" and second.speaker.anonymous


def test_content_after_fa_inna_far_from_the_source(steps):
    a = attribute(steps, "وطبقا لأرقام حصلت عليها \"الاقتصادية\" من هيئة السياحة السويسرية، "
                  "فإن 82 ألف سائح زاروا سويسرا خلال الأشهر الستة الأولى.")
    q = only(a)
    assert content(a, q) == "82 ألف سائح زاروا سويسرا خلال الأشهر الستة الأولى"


def test_a_title_then_the_person_between_commas_is_the_person(steps):
    a = attribute(steps, "وقال السفير الأمريكي لدى الأردن، جون هيل، الذي حضر الحفل، في تغريدة "
                  "إن \"العلاقات متينة\". وطلب وزير الدفاع، جيمس بول، من الكونغرس ألا يتدخل، "
                  "محذرا من أن القيود \"تضر بالحلفاء\".",
                  {"جون هيل": ("PER", ["جون هيل"]), "جيمس بول": ("PER", ["جيمس بول"]),
                   "الكونغرس": ("ORG", ["الكونغرس"])})
    assert [q.speaker.name for q in a.quotes] == ["جون هيل", "جيمس بول"]


def test_a_name_spelt_in_letters_that_starts_with_inna(steps):
    a = attribute(steps, "وقالت شبكة إن بي سي إن الخبر صحيح. وقال رئيس تحرير شبكة \"وان تي في\" "
                  "عبدالله خنجاني إن الخميس \"يوم حداد\".",
                  {"إن بي سي": ("ORG", ["إن بي سي"]), "وان تي في": ("ORG", ["وان تي في"]),
                   "عبدالله خنجاني": ("PER", ["عبدالله خنجاني"])})
    nbc, editor = a.quotes
    assert (nbc.speaker.name, content(a, nbc)) == ("إن بي سي", "الخبر صحيح")
    assert editor.speaker.name == "عبدالله خنجاني"


def test_partial_quote_inside_reported_speech_is_mixed(steps):
    a = attribute(steps, 'وأكدت الوزيرة ليلى حمدان أن الخطة "لن تتأخر" هذه المرة.',
                  {"ليلى حمدان": ("PER", ["ليلى حمدان"])})
    q = only(a)
    assert q.kind == "mixed"
    assert content(a, q) == 'الخطة "لن تتأخر" هذه المرة'


def test_quotation_before_its_cue(steps):
    text = "“الاستعدادات اكتملت”، قالت المتحدثة باسم الهيئة سناء الجلاصي."
    a = attribute(steps, text, {"سناء الجلاصي": ("PER", ["سناء الجلاصي"])})
    q = only(a)
    assert (q.kind, content(a, q)) == ("direct", "الاستعدادات اكتملت")
    assert q.cue.text == "قالت"
    assert q.speaker.name == "سناء الجلاصي"


def test_content_before_a_sourcing_phrase(steps):
    text = "وبدأ الوفد محادثات في واشنطن، بحسب ما قال جون ميلر المتحدث باسم الوزارة في بيان."
    a = attribute(steps, text, {"جون ميلر": ("PER", ["جون ميلر"]),
                                "واشنطن": ("LOC", ["واشنطن"])})
    q = only(a)
    assert content(a, q) == "بدأ الوفد محادثات في واشنطن"
    assert q.cue.text == "قال"
    assert q.speaker.name == "جون ميلر"
    assert q.medium.type == "statement" and q.medium.text == "في بيان"


def test_sourcing_phrase_first_then_fa_inna(steps):
    a = attribute(steps, "ووفقا لمصادر طبية في المدينة، فإن المستشفيات تعمل فوق طاقتها.")
    q = only(a)
    assert content(a, q) == "المستشفيات تعمل فوق طاقتها"
    assert q.speaker.name == "مصادر طبية في المدينة"
    assert q.speaker.anonymous


def test_quote_over_several_sentences_is_one_quote(steps):
    text = "قال المدرب يوسف بنعيسى: «لعبنا جيدا. لكننا فقدنا التركيز. هذه مسؤوليتي»."
    a = attribute(steps, text, {"يوسف بنعيسى": ("PER", ["يوسف بنعيسى"])})
    q = only(a)
    assert content(a, q) == "لعبنا جيدا. لكننا فقدنا التركيز. هذه مسؤوليتي"


def test_a_sentence_of_quotation_goes_on_with_the_speaker_before(steps):
    text = "وقال بنعيسى: «علينا أن نتعلم من الهزيمة».\n«الجمهور يستحق أفضل من ذلك بكثير»."
    a = attribute(steps, text, {"يوسف بنعيسى": ("PER", ["بنعيسى"])})
    assert [content(a, q) for q in a.quotes] == ["علينا أن نتعلم من الهزيمة",
                                                 "الجمهور يستحق أفضل من ذلك بكثير"]
    assert {q.speaker.name for q in a.quotes} == {"يوسف بنعيسى"}
    assert a.quotes[1].cue is None


# --- speakers -------------------------------------------------------------------------------

def test_anonymous_speaker_with_the_reason_given(steps):
    text = ("وقال مسؤول دفاعي أميركي كبير، طلب عدم نشر اسمه، إن “المهمة لم تتغير”.")
    a = attribute(steps, text)
    q = only(a)
    assert q.speaker.name == "مسؤول دفاعي أميركي كبير"
    assert q.speaker.anonymous and q.speaker.entity is None
    assert q.speaker.reason == "طلب عدم نشر اسمه"
    assert content(a, q) == "المهمة لم تتغير"


def test_definite_description_and_zero_subject_go_to_the_earlier_speaker(steps):
    text = ("قال دبلوماسي أوروبي إن الاتحاد يدرس تخفيف العقوبات. "
            "وأوضح الدبلوماسي أن القرار لم يتخذ بعد. وأضاف أن الدول منقسمة.")
    a = attribute(steps, text)
    assert len(a.quotes) == 3
    assert {q.speaker.name for q in a.quotes} == {"دبلوماسي أوروبي"}
    second = a.quotes[1]
    assert a.text[second.speaker.start:second.speaker.end] == "الدبلوماسي"
    assert a.quotes[2].speaker.start is None  # no subject in the sentence


def test_verb_gender_picks_the_right_earlier_speaker(steps):
    text = ("وقال كريم حداد إن المصارف مسؤولة. وردت نادين سلامة بأن الدولة اقترضت الأموال. "
            "وأضاف الوزير أن الخطة جاهزة. غير أنها اعتبرت أن الخطة فاشلة. "
            "وتابع قائلا: «لن نحمّل المودعين الثمن».")
    a = attribute(steps, text, {"كريم حداد": ("PER", ["كريم حداد"]),
                                "نادين سلامة": ("PER", ["نادين سلامة"])})
    speakers = [q.speaker.name for q in a.quotes]
    assert speakers == ["كريم حداد", "نادين سلامة", "كريم حداد", "نادين سلامة", "كريم حداد"]


def test_plural_verb_after_its_subject_inside_reported_speech_is_a_relay(steps):
    text = ("ونقلت صحيفة “وول ستريت جورنال” عن مسؤولين أميركيين أن بيانا سيصدر قريبا. "
            "وأوضحت الصحيفة أن المسؤولين المذكورين أكدوا أن البيان سيدعو إلى سحب القوات.")
    a = attribute(steps, text, {"وول ستريت جورنال": ("ORG", ["وول ستريت جورنال"])})
    first, second = a.quotes
    assert first.speaker.name == "مسؤولين أميركيين" and first.speaker.anonymous
    assert first.via.name == "وول ستريت جورنال" and first.via.entity == "E1"
    assert first.cue.text == "نقلت"
    assert second.cue.text == "أكدوا"
    assert a.text[second.speaker.start:second.speaker.end] == "المسؤولين المذكورين"
    assert second.via.name == "وول ستريت جورنال"
    assert content(a, second) == "البيان سيدعو إلى سحب القوات"


def test_relay_chain_keeps_every_relayer(steps):
    text = ("نقلت وكالة الأناضول عن صحيفة “حرييت” التركية عن مصادر دبلوماسية أن "
            "أنقرة ودمشق تستعدان لجولة محادثات.")
    a = attribute(steps, text, {"الأناضول": ("ORG", ["الأناضول"]),
                                "حرييت": ("ORG", ["حرييت"])})
    q = only(a)
    assert q.speaker.name == "مصادر دبلوماسية"
    assert q.via.name == "حرييت"
    assert q.via.via is not None and q.via.via.name == "الأناضول"


def test_relayer_named_with_naqlan_an(steps):
    text = "وذكرت قناة “الجديد”، نقلا عن مصادر عسكرية، أن تعزيزات ستصل إلى المنطقة."
    a = attribute(steps, text, {"الجديد": ("ORG", ["الجديد"])})
    q = only(a)
    assert q.speaker.name == "مصادر عسكرية" and q.speaker.anonymous
    assert q.via.name == "الجديد"


def test_apposition_names_the_speaker(steps):
    text = "وأكدت المتحدثة باسم المفوضية، أنا كوفاتش، أن “السياسة لم تتغير”."
    a = attribute(steps, text, {"المفوضية الأوروبية": ("ORG", ["المفوضية"]),
                                "أنا كوفاتش": ("PER", ["أنا كوفاتش"])})
    assert only(a).speaker.name == "أنا كوفاتش"


def test_passive_cue_with_an_agent(steps):
    text = "أُعلن في بيان صادر عن الرئاسة الجزائرية أن الرئيس سيجري تعديلا وزاريا."
    a = attribute(steps, text, {"الرئاسة الجزائرية": ("ORG", ["الرئاسة الجزائرية"])})
    q = only(a)
    assert q.speaker.name == "الرئاسة الجزائرية"
    assert q.cue.text == "أُعلن"
    assert q.medium.type == "statement"


def test_statement_document_and_passive_relay(steps):
    text = ("نفت وزارة الداخلية السورية في بيان أن تكون عملية تسلل قد وقعت. "
            "وجاء في البيان أن «الحدود مضبوطة». "
            "ونُقل عن مستشار في الرئاسة، فضل عدم الكشف عن اسمه، قوله إن الحقائب ستتغير. "
            "وجاء على لسان رئيس المحكمة أن «القانون يطبق على الجميع».")
    a = attribute(steps, text, {"وزارة الداخلية السورية": ("ORG", ["وزارة الداخلية السورية"])})
    denial, statement, relayed, judge = a.quotes
    assert denial.cue.text == "نفت" and denial.medium.type == "statement"
    assert (statement.kind, content(a, statement)) == ("direct", "الحدود مضبوطة")
    assert statement.speaker.name == "وزارة الداخلية السورية"
    assert statement.speaker.start is None  # the statement, not the ministry, is in the text
    assert relayed.speaker.name == "مستشار في الرئاسة" and relayed.speaker.anonymous
    assert relayed.speaker.reason == "فضل عدم الكشف عن اسمه"
    assert content(a, relayed) == "الحقائب ستتغير"
    assert judge.speaker.name == "رئيس المحكمة" and not judge.speaker.anonymous


def test_medium_of_a_tweet_and_of_an_interview(steps):
    a = attribute(steps, "وكتبت النائبة سهى الجبوري في تغريدة أن الحديث عن الانتخابات مناورة. "
                  "وقال حيدر الساعدي في مقابلة مع قناة الشرقية إن الانتخابات ضرورة.",
                  {"سهى الجبوري": ("PER", ["سهى الجبوري"]),
                   "حيدر الساعدي": ("PER", ["حيدر الساعدي"]),
                   "الشرقية": ("ORG", ["الشرقية"])})
    tweet, interview = a.quotes
    assert tweet.medium.type == "tweet" and tweet.medium.text == "في تغريدة"
    assert interview.medium.type == "interview"
    assert interview.medium.text == "في مقابلة مع قناة الشرقية"


# --- what is not a quote --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ويذكر أن المحطات تعرضت لأضرار كبيرة.",
    "وتعمل الفرق وفق جدول أعدته الوزارة، وحسب الإمكانات المتاحة.",
    "ولم يعلن أي مسؤول عن موعد لعودة التيار.",
    "وأعلنت الوزارة عن خطة جديدة للنقل.",
    "وقاتل عناصر تنظيم “داعش” في المدينة.",
    "وستوزع المساعدات وفقا للقانون.",
])
def test_not_quotes(steps, text):
    assert attribute(steps, text).quotes == []


def test_offsets_stay_inside_the_text_with_diacritics_and_tatweel(steps):
    text = "وقـــالَ الوزيرُ إنَّ «الاتفاقَ نهائيٌّ»."
    a = attribute(steps, text)
    q = only(a)
    assert a.text[q.start:q.end] == "الاتفاقَ نهائيٌّ"
    assert 0 <= q.cue.start < q.cue.end <= len(text)


# --- gold files -----------------------------------------------------------------------------

def test_there_are_at_least_15_quote_gold_files():
    assert len(QUOTE_GOLD) >= 15


@pytest.mark.parametrize("path", QUOTE_GOLD, ids=lambda p: p.stem)
def test_quote_gold_files_are_valid_and_annotate_every_named_speaker(path):
    from khabar.evaluate import load_gold

    gold = load_gold(str(path))
    names = {e["name"] for e in gold["entities"]}
    assert gold["quotes"], path
    for quote in gold["quotes"]:
        if not quote["anonymous"] and quote["speaker_span"]:
            s, e = quote["speaker_span"]
            spanned = [e2["name"] for e2 in gold["entities"]
                       if any(m[0] < e and s < m[1] for m in e2["mentions"])]
            if spanned:
                assert quote["speaker"] in names, (path.name, quote["speaker"])


def _score(paths, with_gold_entities: bool) -> dict:
    from khabar.evaluate import Count, load_gold, score

    total = Count()
    text_step = TextAnalyser(OPTIONS)
    quotes_step = AttributionAnalyser(OPTIONS)
    for path in paths:
        gold = load_gold(str(path))
        if with_gold_entities:
            pipeline = Pipeline([text_step, GoldEntities(OPTIONS, gold), quotes_step])
            analysis = pipeline.run(Article(gold["text"])).to_dict(include_tokens=False)
        else:
            import khabar
            analysis = khabar.analyze(Article(gold["text"])).to_dict(include_tokens=False)
        total.add(score(gold, analysis)["quotes.attribution"])
    return total.as_dict()


def test_example_article_with_its_gold_entities_is_fully_attributed():
    """Attribution's own share of the acceptance bar: with the example's gold entities, all 12
    quotes are found and attributed (the end-to-end test below also needs the recogniser)."""
    from tests.conftest import GOLD, need

    assert _score([need(GOLD)], with_gold_entities=True)["f1"] == 1.0


# --- real-news patterns (issue: quotes on real articles) ----------------------------------


def test_direct_quote_after_the_speaker_and_who_was_told(steps):
    a = attribute(steps, 'وقال المتحدث باسم وزارة الصحة كريم الحداد لوكالة رويترز "سنفتح '
                  'المستشفى الجديد في الربيع المقبل".',
                  {"كريم الحداد": ("PER", ["كريم الحداد"]), "رويترز": ("ORG", ["رويترز"]),
                   "وزارة الصحة": ("ORG", ["وزارة الصحة"])})
    q = only(a)
    assert (q.kind, content(a, q)) == ("direct", "سنفتح المستشفى الجديد في الربيع المقبل")
    assert q.speaker.name == "كريم الحداد"


def test_direct_quote_after_the_speaker_and_a_role_after_the_name(steps):
    a = attribute(steps, 'وقالت المحامية سلمى العبيدي المتخصصة في قضايا العمل "لن نتراجع عن '
                  'هذه القضية مهما طال الوقت".', {"سلمى العبيدي": ("PER", ["سلمى العبيدي"])})
    q = only(a)
    assert content(a, q) == "لن نتراجع عن هذه القضية مهما طال الوقت"
    assert (q.speaker.name, q.speaker.entity) == ("سلمى العبيدي", "E1")


def test_a_short_quoted_topic_in_the_speaker_region_is_not_the_quote(steps):
    a = attribute(steps, 'وقال مصدر قريب من التحقيق في "قضية الموانئ" لوكالة فرانس برس "إنه لم '
                  'يغادر البلاد بعد".', {"فرانس برس": ("ORG", ["فرانس برس"])})
    q = only(a)
    assert content(a, q) == "إنه لم يغادر البلاد بعد"
    assert q.speaker.name == "مصدر قريب من التحقيق" and q.speaker.anonymous


def test_the_person_named_after_a_long_role_is_the_speaker(steps):
    a = attribute(steps, "وقال السيناتور الديمقراطي في لجنة المالية بمجلس الشيوخ جون ميلر في "
                  'حديث تلفزيوني "نريد أن نرى الأرقام كاملة قبل التصويت".',
                  {"جون ميلر": ("PER", ["جون ميلر"])})
    assert only(a).speaker.name == "جون ميلر"


def test_a_person_present_with_the_speaker_is_not_the_speaker(steps):
    a = attribute(steps, "وقال المتحدث باسم الحكومة في مؤتمر صحفي بحضور الوزير كمال بن عيسى إن "
                  "الأسعار ستنخفض.", {"كمال بن عيسى": ("PER", ["كمال بن عيسى"])})
    q = only(a)
    assert content(a, q) == "الأسعار ستنخفض"
    assert q.speaker.name == "المتحدث باسم الحكومة"


def test_a_zero_subject_quote_with_no_speaker_before_is_kept_with_no_speaker(steps):
    a = attribute(steps, "أكد أن الحكومة ستواصل دعم المزارعين في الموسم المقبل.")
    q = only(a)
    assert content(a, q) == "الحكومة ستواصل دعم المزارعين في الموسم المقبل"
    assert q.speaker is not None and q.speaker.name == "" and q.speaker.entity is None
    assert q.speaker.start is None and not q.speaker.anonymous


def test_a_source_named_mid_sentence_is_not_part_of_the_content(steps):
    a = attribute(steps, "تتقدم القوات الحكومية نحو المدينة وفق المرصد السوري لحقوق الإنسان، "
                  "الذي أشار إلى معارك عنيفة.",
                  {"المرصد السوري لحقوق الإنسان": ("ORG", ["المرصد السوري لحقوق الإنسان"])})
    q = only(a)
    assert content(a, q) == "تتقدم القوات الحكومية نحو المدينة"
    assert q.speaker.name == "المرصد السوري لحقوق الإنسان"


def test_a_trailing_source_with_an_adjunct_is_not_part_of_the_content(steps):
    a = attribute(steps, "وسقطت قذائف على حي سكني في المدينة، وفق ما أفاد المرصد السوري لحقوق "
                  "الإنسان في حينه.",
                  {"المرصد السوري لحقوق الإنسان": ("ORG", ["المرصد السوري لحقوق الإنسان"])})
    q = only(a)
    assert content(a, q) == "سقطت قذائف على حي سكني في المدينة"


def test_a_source_set_off_by_commas_inside_a_clause_that_goes_on(steps):
    a = attribute(steps, "تتقدم القوات، وفق المرصد السوري لحقوق الإنسان، نحو المدينة من ثلاثة "
                  "محاور.",
                  {"المرصد السوري لحقوق الإنسان": ("ORG", ["المرصد السوري لحقوق الإنسان"])})
    assert content(a, only(a)).endswith("نحو المدينة من ثلاثة محاور")


def test_a_trailing_relay_with_a_pronoun_names_the_relayer(steps):
    a = attribute(steps, "وأكد رئيس الوزراء أن الحكومة لن تتراجع، بحسب ما نقلت عنه وكالة الأنباء "
                  "الرسمية.")
    q = only(a)
    assert content(a, q) == "الحكومة لن تتراجع"
    assert q.speaker.name == "رئيس الوزراء"
    assert q.via is not None and q.via.name == "وكالة الأنباء الرسمية"


def test_a_sourcing_phrase_between_the_cue_and_a_quotation(steps):
    a = attribute(steps, 'وتابع الوزير وفقا لما نقلته وكالة الأنباء الرسمية: "الحكومة ماضية في '
                  'خطتها لإصلاح قطاع الكهرباء".')
    q = only(a)
    assert (q.kind, content(a, q)) == ("direct", "الحكومة ماضية في خطتها لإصلاح قطاع الكهرباء")
    assert q.via is not None and q.via.name == "وكالة الأنباء الرسمية"


def test_a_short_quotation_the_verb_takes_stays_a_quote(steps):
    a = attribute(steps, 'وحذر الرئيس الأسبق في خطابه من "أوقات غريبة وغامضة" تمر بها البلاد.')
    assert content(a, only(a)) == "أوقات غريبة وغامضة"


# --- real-news patterns, round 2 ------------------------------------------------------------


def named(text: str, *names: str) -> dict[str, tuple[str, list[str]]]:
    """The people among ``names`` the text mentions, as a recogniser would give them."""
    return {name: ("PER", [name]) for name in names if name in text}


def test_a_trailing_source_whose_verb_carries_the_object_pronoun(steps):
    text = ("وغادر الوزير مدينة أبها متجها إلى الكويت، وفقا لما ذكرته وكالة الأنباء السعودية "
            "(واس)، الأحد.")
    a = attribute(steps, text, {"وكالة الأنباء السعودية": ("ORG", ["وكالة الأنباء السعودية",
                                                                  "واس"]),
                                "أبها": ("LOC", ["أبها"]), "الكويت": ("LOC", ["الكويت"])})
    q = only(a)
    assert content(a, q) == "غادر الوزير مدينة أبها متجها إلى الكويت"
    assert q.cue.text == "ذكرته"
    assert q.speaker.name == "وكالة الأنباء السعودية"


def test_bihasab_ma_with_a_pronoun_verb_and_a_same_source_later(steps):
    text = ("وتمكنت دورية من إيقاف 4 أشخاص وفق ما أكده المكلف بالإعلام بالحرس الوطني العميد "
            "منير الطرابلسي. وتتركز الجهود حاليا على حماية المقرات وفق ما أفاد ذات المصدر.")
    a = attribute(steps, text, {"منير الطرابلسي": ("PER", ["منير الطرابلسي"])})
    assert [content(a, q) for q in a.quotes] == ["تمكنت دورية من إيقاف 4 أشخاص",
                                                 "تتركز الجهود حاليا على حماية المقرات"]
    assert [q.speaker.name for q in a.quotes] == ["منير الطرابلسي"] * 2


def test_a_lawyers_source_with_a_possessive(steps):
    a = attribute(steps, "أصدرت المحكمة حكما بالسجن على الوزير السابق سليم داود، بحسب ما "
                  "ذكر محاموه.", {"سليم داود": ("PER", ["سليم داود"])})
    q = only(a)
    assert content(a, q) == "أصدرت المحكمة حكما بالسجن على الوزير السابق سليم داود"
    assert q.speaker.name == "محاموه" and q.speaker.entity is None


def test_an_adjunct_between_commas_after_the_verb_is_not_its_subject(steps):
    text = ("طالب مركز الخليج للدراسات الاقتصادية منظمات الإغاثة بتكثيف جهودها. وأوضح، في "
            "تقرير حصلت «الرياض» على نسخة منه، أن آلاف المواطنين لا يزالون بعيدين عن بيوتهم.")
    a = attribute(steps, text, {"الرياض": ("ORG", ["الرياض"])})
    q = only(a)
    assert content(a, q) == "آلاف المواطنين لا يزالون بعيدين عن بيوتهم"
    assert q.speaker.name == "مركز الخليج للدراسات الاقتصادية"


def test_a_medium_before_the_verb_does_not_take_the_subject_after_it(steps):
    text = ('قال وزير الخارجية سامي فرح إن حكومة سوريا شريك. بدورها، وبتعليق لـCNN، أكدت '
            'الحكومة الكويتية أن اللقاء كان "عابرا".')
    a = attribute(steps, text, {"CNN": ("ORG", ["CNN"]), "سامي فرح": ("PER", ["سامي فرح"]),
                                "سوريا": ("LOC", ["سوريا"])})
    assert [q.speaker.name for q in a.quotes] == ["سامي فرح", "الحكومة الكويتية"]


def test_a_participle_after_a_clause_inside_the_content_goes_to_the_speaker(steps):
    text = ("وأضاف الشريف إنه لا خيار أمام الناخبين، لأن المرشحة تعتبر تهديدا حقيقيا لقيم "
            "التسامح، مشيرا إلى أن الكتل البرلمانية عبرت عن تخوفها.")
    a = attribute(steps, text, {"كمال الشريف": ("PER", ["الشريف"])})
    assert [q.speaker.name for q in a.quotes] == ["كمال الشريف", "كمال الشريف"]
    assert content(a, a.quotes[1]) == "الكتل البرلمانية عبرت عن تخوفها"


def test_a_participle_after_the_verbs_object_goes_to_the_earlier_speaker(steps):
    text = ("قال الوزير كمال الشريف إن الوضع في حلب صعب. وطالب العالم بالتحرك العاجل، لافتا إلى "
            "أن الوضع خطير.")
    a = attribute(steps, text, {"كمال الشريف": ("PER", ["كمال الشريف"])})
    assert [q.speaker.name for q in a.quotes] == ["كمال الشريف", "كمال الشريف"]


@pytest.mark.parametrize(("text", "first", "second"), [
    ('وقال المدرب فؤاد العلي إن الفريق "قدم مباراة كبيرة"، مضيفا أن "اللاعبين يستحقون الفوز".',
     'الفريق "قدم مباراة كبيرة"', "اللاعبين يستحقون الفوز"),
    ("وقال رئيس البلدية فؤاد العلي إن المشروع سينتهي قريبا، كما أكد أن التمويل متوفر.",
     "المشروع سينتهي قريبا", "التمويل متوفر"),
])
def test_a_second_statement_is_its_own_quote_with_the_same_speaker(steps, text, first, second):
    a = attribute(steps, text, {"فؤاد العلي": ("PER", ["فؤاد العلي"])})
    assert [content(a, q) for q in a.quotes] == [first, second]
    assert {q.speaker.name for q in a.quotes} == {"فؤاد العلي"}


@pytest.mark.parametrize(("text", "said"), [
    ('قالت الوزيرة سلمى حداد إنه أمر "مثير للسخرية"، متهمة المقرر بالتحيز السياسي.',
     'أمر "مثير للسخرية"'),
    ("وقالت منظمات حقوقية إن القضية تكشف عن استخدام مفرط للقوة، كما اتهمت الرقيب بالقتل.",
     "القضية تكشف عن استخدام مفرط للقوة"),
])
def test_content_stops_before_what_the_speaker_did_next(steps, text, said):
    a = attribute(steps, text, named(text, "سلمى حداد"))
    assert content(a, a.quotes[0]) == said


def test_an_unbalanced_quotation_runs_to_its_last_mark(steps):
    text = ('وأضاف الخبير: "الإعفاءات الضريبية الضخمة" التي أقرتها الحكومة تزيد الأغنياء ثراء، '
            'بينما تعاقب الفقراء".')
    q = only(attribute(steps, text))
    assert q.kind == "direct"
    assert q.text == ('الإعفاءات الضريبية الضخمة" التي أقرتها الحكومة تزيد الأغنياء ثراء، '
                      'بينما تعاقب الفقراء')


def test_a_quotation_mark_closing_before_a_participle_ends_the_content(steps):
    text = ('ورحب رئيس الوزراء سليم الحداد بالصفقة، مؤكدا أن الصفقة "ستدر المليارات،" مشددا '
            'على أنها "ستعزز علاقات البلاد في المنطقة،" وفقا لما نقله تقرير هيئة البث.')
    a = attribute(steps, text, {"سليم الحداد": ("PER", ["سليم الحداد"]),
                                "هيئة البث": ("ORG", ["هيئة البث"])})
    assert [q.cue.text for q in a.quotes] == ["مؤكدا", "مشددا"]
    assert a.quotes[1].text == "ستعزز علاقات البلاد في المنطقة"
    assert a.quotes[1].via.name == "هيئة البث"


def test_the_spokesperson_of_a_minister_is_not_the_minister(steps):
    a = attribute(steps, "وقال المتحدث باسم وزير الخارجية الإيراني محمد جواد ظريف إن بلاده لن "
                  "تتفاوض.", {"محمد جواد ظريف": ("PER", ["محمد جواد ظريف"])})
    q = only(a)
    assert q.speaker.entity is None and q.speaker.anonymous
    assert q.speaker.name.startswith("المتحدث باسم وزير الخارجية")


def test_the_spokesperson_of_an_institution_named_after_it_is_the_speaker(steps):
    a = attribute(steps, "وقال المتحدث باسم الجيش العميد جورج خوري إن الوضع هادئ.",
                  {"جورج خوري": ("PER", ["جورج خوري"])})
    assert only(a).speaker.name == "جورج خوري"


def test_an_apposition_after_a_relative_clause_names_the_speaker(steps):
    text = ("أكد المتحدث باسم التحالف الذي تقوده السعودية في اليمن، العقيد سامر الحداد، أن "
            "القوات استهدفت زورقين.")
    a = attribute(steps, text, {"سامر الحداد": ("PER", ["سامر الحداد"]),
                                "السعودية": ("LOC", ["السعودية"]), "اليمن": ("LOC", ["اليمن"])})
    assert only(a).speaker.name == "سامر الحداد"


def test_a_verb_joined_by_wa_after_a_quote_keeps_its_speaker(steps):
    text = ('وقال السفير مارك بيلانجيه إن "الهجوم كان مروعا". وشدد على أن كندا لا تخشى '
            'التهديدات، وقال :"سنتمسك بقيمنا".')
    a = attribute(steps, text, {"مارك بيلانجيه": ("PER", ["مارك بيلانجيه"]),
                                "كندا": ("LOC", ["كندا"])})
    assert [q.speaker.name for q in a.quotes] == ["مارك بيلانجيه"] * 3


def test_a_source_first_then_reports_that_said_it(steps):
    text = ('وبحسب صحيفة "ديلي ميل" البريطانية، فإن تقارير من مواقع تقنية، أشارت إلى أن '
            'التطبيق سيمنح المستخدمين أدوات جديدة.')
    a = attribute(steps, text, {"ديلي ميل": ("ORG", ["ديلي ميل"])})
    q = only(a)
    assert content(a, q) == "التطبيق سيمنح المستخدمين أدوات جديدة"
    assert q.speaker.name == "تقارير من مواقع تقنية"
    assert q.via.name == "ديلي ميل"


def test_two_coordinated_sources_then_one_of_them(steps):
    text = ("وذكرت الشرطة وهيئة الأوراق المالية أن الاستجواب تم في مقر إقامته. وقالت الشرطة إن "
            "لديها أدلة كافية.")
    a = attribute(steps, text, {"هيئة الأوراق المالية": ("ORG", ["هيئة الأوراق المالية"])})
    assert [q.speaker.name for q in a.quotes] == ["الشرطة وهيئة الأوراق المالية", "الشرطة"]


@pytest.mark.parametrize(("text", "speaker", "said"), [
    ("أعلن الرئيس جان مارك دوفال انسحاب بلاده من الاتفاق ومشيرا إلى أن فرنسا تتخذ خطوات.",
     "جان مارك دوفال", "فرنسا تتخذ خطوات"),
    ("وعبر الضباط المترقون عن شكرهم على الثقة، مؤكدين أن الثقة دافع لمواصلة العمل.",
     "الضباط المترقون", "الثقة دافع لمواصلة العمل"),
    ("وبين مدير التعليم في المحافظة عبدالعزيز بن سالم الحمدان، أنه تم تكليف المشرفين بجولات.",
     "عبدالعزيز بن سالم الحمدان", "تم تكليف المشرفين بجولات"),
])
def test_more_forms_of_saying(steps, text, speaker, said):
    q = only(a := attribute(steps, text, named(text, "جان مارك دوفال",
                                               "عبدالعزيز بن سالم الحمدان")))
    assert (q.speaker.name, content(a, q)) == (speaker, said)


@pytest.mark.parametrize("text", [
    "وكانت الفضيحة قد اندلعت قبل عامين، عندما تبين أن الشركة جهزت سيارات بأجهزة للتلاعب.",
    "وبثت القناة شريط فيديو تظهر فيه صواريخ يعتقد أنها من طراز جديد.",
    "وتقع القرية بين النهر والجبل، أنها أجمل قرى المنطقة.",
])
def test_impersonal_and_other_look_alike_cues_are_not_quotes(steps, text):
    assert attribute(steps, text).quotes == []


def test_attribution_floor_with_hand_annotated_entities():
    """Attribution alone, on our gold files (bench/attribution.py measures the same)."""
    assert _score(QUOTE_GOLD, with_gold_entities=True)["f1"] >= 1.0


# --- end to end -----------------------------------------------------------------------------

def test_example_article_every_quote_found_and_attributed():
    """The real article in ../shared: all 12 quotes, all correctly attributed."""
    from khabar.evaluate import evaluate_files
    from tests.conftest import GOLD, need

    result = evaluate_files([str(need(GOLD))])
    assert result["quotes.attribution"]["f1"] == 1.0, result["quotes.attribution"]


def test_attribution_floor_on_our_gold_files_end_to_end():
    """The issue's bar is 0.85; bench/attribution.py measured 0.990, then 1.000 on 25 files
    (2026-11-29, round 2) with the shipped recogniser; the floor leaves room for one name the
    recogniser (worked on by others) may write differently."""
    assert _score(QUOTE_GOLD, with_gold_entities=False)["f1"] >= 0.99


def test_quotes_serialise_with_the_contract_fields_first(example_analysis):
    data = json.loads(json.dumps(example_analysis.to_dict(include_tokens=False)))
    quote = data["quotes"][0]
    assert list(quote)[:7] == ["id", "kind", "start", "end", "cue", "speaker", "via"]
    assert list(quote["speaker"])[:5] == ["name", "entity", "start", "end", "anonymous"]
    assert quote["text"] == data["text"][quote["start"]:quote["end"]]


# --- never raises, spans always inside the text ----------------------------------------------

_PIECES = ["قال", "وأضافت", "مشيرا", "إلى", "أن", "إن", "بأن", "بحسب", "ما", "وفقا", "لـ",
           "نقلت", "عن", "قوله", "جاء", "في", "بيان", "الوزير", "المتحدث", "مسؤول", "،", ".",
           ":", "«", "»", "“", "”", '"', "(", ")", "\n", "وأوضح", "هؤلاء", "المسؤولون", "أُعلن",
           "صادر", "طلب", "عدم", "نشر", "اسمه", "قائلا", "يذكر", "لم", "نقلا", "على", "لسان"]


def test_attribution_never_raises_and_keeps_spans_inside(steps):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES), max_size=40),
           st.lists(st.integers(min_value=0, max_value=39), max_size=3))
    def check(words, entity_at):
        text = " ".join(words) or "قال"
        spans = []
        offset = 0
        for i, word in enumerate(words):
            if i in entity_at and word.strip():
                spans.append([offset, offset + len(word)])
            offset += len(word) + 1
        gold = {"text": text, "entities": [{"type": "PER", "name": "س", "mentions": spans}]
                if spans else []}
        text_step, quotes_step = steps
        analysis = Pipeline([text_step, GoldEntities(OPTIONS, gold), quotes_step]).run(
            Article(text))
        n = len(text)
        for q in analysis.quotes:
            assert 0 <= q.start < q.end <= n
            assert q.text == text[q.start:q.end]
            for part in (q.cue, q.medium):
                if part is not None:
                    assert 0 <= part.start < part.end <= n
            if q.speaker is not None and q.speaker.start is not None:
                assert 0 <= q.speaker.start < q.speaker.end <= n

    check()


# --- real-news round 3: forms seen in a third sample of real articles (our own sentences) ---

def test_a_participle_of_qala_takes_a_short_quotation_before_another_participle(steps):
    text = ('وعلق الممثل كريم السباعي على ما نشرته الصحف، قائلا "بلاش كلام فارغ"، مؤكدا أن '
            'النقابة مستقلة.')
    a = attribute(steps, text, {"كريم السباعي": ("PER", ["كريم السباعي"])})
    assert [(q.cue.text, content(a, q)) for q in a.quotes] == [
        ("قائلا", "بلاش كلام فارغ"), ("مؤكدا", "النقابة مستقلة")]
    assert {q.speaker.name for q in a.quotes} == {"كريم السباعي"}


def test_a_participle_after_qad_and_a_verb_goes_to_the_title_and_name_after_the_verb(steps):
    text = ('وقد دافعت الرئيسة المحافظة لمجلس النواب ماريا لوبيز عن الحق في الإضراب، قائلة '
            '"هناك من لا يزال يرفض ذلك".')
    a = attribute(steps, text)
    q = only(a)
    assert (q.cue.text, q.speaker.name, content(a, q)) == (
        "قائلة", "ماريا لوبيز", "هناك من لا يزال يرفض ذلك")


def test_the_speaker_after_a_relay_does_not_take_the_relayers_gender(steps):
    text = ('ونقلت صحيفة "الشروق" عن الخبير سامي الكردي أن الثغرة خطيرة. وشرح الكردي طريقة '
            'المخترقين قائلا: "هذه ثغرة قديمة".')
    a = attribute(steps, text, {"سامي الكردي": ("PER", ["سامي الكردي", "الكردي"]),
                                "الشروق": ("ORG", ["الشروق"])})
    assert [(q.cue.text, q.speaker.name) for q in a.quotes] == [
        ("نقلت", "سامي الكردي"), ("قائلا", "سامي الكردي")]


def test_an_adjunct_before_a_verb_of_reassurance_is_not_what_was_said(steps):
    text = ("وفي مداخلة هاتفية أجراها مع الإعلامي وليد الصافي، طمأن الفنان كريم السباعي "
            "جمهوره.")
    a = attribute(steps, text, {"كريم السباعي": ("PER", ["كريم السباعي"]),
                                "وليد الصافي": ("PER", ["وليد الصافي"])})
    assert a.quotes == []


def test_bayna_after_a_definite_noun_is_between_not_a_verb(steps):
    text = ("أكد وزير الخارجية سالم الحربي خلال زيارة إلى عمان بعد القمة التاريخية بين الأردن "
            "والعراق أن التعاون سيتواصل.")
    a = attribute(steps, text, {"سالم الحربي": ("PER", ["سالم الحربي"]),
                                "عمان": ("LOC", ["عمان"]), "الأردن": ("LOC", ["الأردن"]),
                                "العراق": ("LOC", ["العراق"])})
    q = only(a)
    assert (q.cue.text, q.speaker.name, content(a, q)) == ("أكد", "سالم الحربي",
                                                           "التعاون سيتواصل")


def test_the_office_of_a_person_is_not_the_person(steps):
    text = ('وسيبحث الطرفان "الملفات الإقليمية" بحسب بلاغ لمكتب سالم الحربي. وسيلتقي الوزيران '
            'الأربعاء بحسب مكتب الحربي.')
    a = attribute(steps, text, {"سالم الحربي": ("PER", ["سالم الحربي", "الحربي"])})
    assert [q.speaker.name for q in a.quotes] == ["مكتب سالم الحربي", "مكتب الحربي"]
    assert all(q.speaker.entity is None for q in a.quotes)


def test_a_name_the_recogniser_missed_set_off_by_commas_after_a_title(steps):
    text = ("رأى المخرج المصري، رامي فهمي، أن المهرجان مفيد للسينمائيين. وقال فهمي إن الرقابة "
            "لا تفيد أحدا.")
    a = attribute(steps, text)
    assert [q.speaker.name for q in a.quotes] == ["رامي فهمي", "رامي فهمي"]
    assert text[a.quotes[0].speaker.start:a.quotes[0].speaker.end] == "رامي فهمي"


def test_hawulai_as_a_subject_is_the_people_who_spoke_last(steps):
    text = ("ويرى محللون أن الإصلاحات تحتاج إلى وقت. ويضيف هؤلاء أن التغيير قد يواجه "
            "معارضة.")
    a = attribute(steps, text)
    assert [q.speaker.name for q in a.quotes] == ["محللون", "محللون"]


def test_a_trailing_source_after_a_direct_quote_and_a_new_clause(steps):
    text = ('وأوضح المدير نزار القاسمي "أن الصابة تحسنت هذا العام" وتتراوح قيمة الواردات بين '
            'مليونين وثلاثة ملايين دولار حسب القاسمي.')
    a = attribute(steps, text, {"نزار القاسمي": ("PER", ["نزار القاسمي", "القاسمي"])})
    assert [(q.cue.text, q.speaker.name) for q in a.quotes] == [
        ("أوضح", "نزار القاسمي"), ("حسب", "نزار القاسمي")]
    assert content(a, a.quotes[1]).endswith("وثلاثة ملايين دولار")


def test_a_photographer_and_an_account_are_sources(steps):
    text = ('وتلقى سكان المخيمات مساعدات غذائية، حسبما أفاد مصور وكالة الأنباء الفرنسية. '
            'وبحسب ما نقل حساب "أخبار التقنية" على تويتر، فإن التحديث يتيح حذف الرسائل.')
    a = attribute(steps, text)
    assert [q.speaker.name for q in a.quotes] == ["مصور وكالة الأنباء الفرنسية",
                                                  "أخبار التقنية"]
    assert content(a, a.quotes[1]) == "التحديث يتيح حذف الرسائل"


def test_an_opening_quotation_mark_with_spaces_on_both_sides(steps):
    text = ('وأضافت المحققة منى العلي "نشكر كل من ساعدنا". وأردفت " ما زلنا نقدم الدعم '
            'للعائلة".')
    a = attribute(steps, text, {"منى العلي": ("PER", ["منى العلي"])})
    assert [(q.cue.text, q.kind, content(a, q)) for q in a.quotes] == [
        ("أضافت", "direct", "نشكر كل من ساعدنا"),
        ("أردفت", "direct", "ما زلنا نقدم الدعم للعائلة")]


def test_a_long_quoted_title_before_the_complementizer_is_not_the_content(steps):
    text = ('وأضاف الوزير سالم الحربي على هامش ندوة حول موضوع " السلطة الرقابية : الواقع '
            'والآفاق"، أن القانون الجديد سيصدر قريبا.')
    a = attribute(steps, text, {"سالم الحربي": ("PER", ["سالم الحربي"])})
    q = only(a)
    assert (q.speaker.name, content(a, q)) == ("سالم الحربي", "القانون الجديد سيصدر قريبا")


# --- round 4 on real news (seed 20261132) -----------------------------------------------------

def test_the_topic_after_amma_is_the_speaker_and_her_later_words(steps):
    text = ("وأفادت رئيسة الجمعية سلوى المناعي أن النساء يمثلن نصف السكان. أما الأستاذة "
            "الجامعية بقسم التاريخ بكلية الآداب بجامعة صفاقس، ريم القلال، فقد أوضحت، من "
            "جانبها، أن المصطلح ترجمة حديثة. وأفادت هذه الباحثة بأن الجدل قديم، معتبرة أن "
            "الخلاف لغوي. وخلصت القلال إلى أن توحيد المصطلح هو الحل.")
    a = attribute(steps, text, {"سلوى المناعي": ("PER", ["سلوى المناعي"])})
    assert [(q.cue.text, q.speaker.name) for q in a.quotes] == [
        ("أفادت", "سلوى المناعي"), ("أوضحت", "ريم القلال"), ("أفادت", "ريم القلال"),
        ("معتبرة", "ريم القلال"), ("خلصت", "ريم القلال")]
    assert content(a, a.quotes[4]) == "توحيد المصطلح هو الحل"


def test_a_title_with_a_place_complement_is_no_name(steps):
    text = "وأوضح الأستاذ الجامعي بقسم الفلسفة أن الدرس انتهى."
    q = only(attribute(steps, text))
    assert q.speaker.name == "الأستاذ الجامعي بقسم الفلسفة"


def test_wali_is_a_governor_not_and_to(steps):
    text = ("وقال رئيس النقابة كمال الجربي إن الصيادين سئموا الوعود. من جهته بيّن والي "
            "قابس هشام الفالح أن الجهة ستحتضن ملتقى دوليا، مضيفا أنه سيتم رفع التوصيات.")
    a = attribute(steps, text, {"كمال الجربي": ("PER", ["كمال الجربي"]),
                                "هشام الفالح": ("PER", ["هشام الفالح"])})
    assert [(q.cue.text, q.speaker.name) for q in a.quotes] == [
        ("قال", "كمال الجربي"), ("بيّن", "هشام الفالح"), ("مضيفا", "هشام الفالح")]


def test_ali_before_a_name_is_no_preposition(steps):
    text = ("قال علي الكواري، المندوب الدائم لقطر لدى مكتب الأمم المتحدة بجنيف، إن بلاده "
            "تستعد للبطولة.")
    q = only(attribute(steps, text, {"علي الكواري": ("PER", ["علي الكواري"])}))
    assert q.speaker.name == "علي الكواري"


def test_a_name_in_apposition_then_a_role_before_a_quotation(steps):
    text = ('وقال علي سالم الرميحي، رئيس مجلس إدارة غرفة تجارة الكويت "إن الغرفة مستمرة في '
            'دعم بيئة الاستثمار".')
    a = attribute(steps, text, {"علي سالم الرميحي": ("PER", ["علي سالم الرميحي"])})
    q = only(a)
    assert (q.kind, q.speaker.name) == ("direct", "علي سالم الرميحي")
    assert content(a, q).startswith("إن الغرفة مستمرة")


def test_the_article_of_a_name_after_lil_comes_back(steps):
    text = ("وأفاد بيان للجيش العراقي السبت، أن 45 مسلحا قتلوا في غارة. وتحاصر القوات "
            "البلدة منذ أسابيع، وفقا للمصدر.")
    a = attribute(steps, text, {"لجيش العراقي": ("ORG", ["لجيش العراقي"])})
    assert [q.speaker.name for q in a.quotes] == ["الجيش العراقي", "المصدر"]


def test_a_hashtag_name_after_a_title_names_the_speaker(steps):
    text = ("وأعلن الرئيس التنفيذي لتويتر، #جاك_مورفي، فتح تحقيق في 21 مارس/آذار، وذكر أن "
            "الشركة ستراجع كل التطبيقات.")
    q = only(attribute(steps, text))
    assert (q.cue.text, q.speaker.name) == ("ذكر", "جاك مورفي")


def test_a_fronted_adjunct_then_a_verb_and_its_named_subject(steps):
    text = ("وفي رده على الهجوم المشتبه بأنه كيماوي، أدان مفوض الأمم المتحدة لحقوق "
            "الإنسان،فارس العتيبي، الدول الكبرى، قائلا إن الرد كان فشلا ذريعا.")
    q = only(attribute(steps, text, {"فارس العتيبي": ("PER", ["فارس العتيبي"])}))
    assert (q.cue.text, q.speaker.name) == ("قائلا", "فارس العتيبي")


def test_a_description_stops_before_the_definite_object_of_its_verb(steps):
    text = ("يواجه كاتب مصري التحقيق بعد تعليقات له قال فيها إن المقاهي في القاهرة أكثر من "
            "المكتبات. وقال عضو مجلس الشورى إن اللجنة ستدرس الملف.")
    a = attribute(steps, text)
    assert [q.speaker.name for q in a.quotes] == ["كاتب مصري", "عضو مجلس الشورى"]
    assert content(a, a.quotes[0]) == "المقاهي في القاهرة أكثر من المكتبات"


def test_a_statement_issued_by_an_office_names_the_office(steps):
    text = ("وفتشت الشرطة مكاتب في بروكسل وأنتويرب، حسب بيان أصدره مكتب الادعاء العام. "
            "وكشف البيان أن ثلاثة وكلاء لاعبين يخضعون للاستجواب.")
    a = attribute(steps, text, {"مكتب الادعاء العام": ("ORG", ["مكتب الادعاء العام"])})
    assert [q.speaker.name for q in a.quotes] == ["مكتب الادعاء العام"] * 2
    assert content(a, a.quotes[1]) == "ثلاثة وكلاء لاعبين يخضعون للاستجواب"


def test_a_document_description_ends_before_its_verb(steps):
    text = "اختارت إدارة مهرجان قرطاج الفنانة سلمى العيادي لرئاسة اللجنة، بحسب بيان نشر الأربعاء."
    q = only(attribute(steps, text))
    assert q.speaker.name == "بيان"


def test_bal_opens_a_clause_and_the_paper_keeps_speaking(steps):
    text = ("وقالت صحيفة \"ذا صن\" إن آلاف القمصان بيعت في غلاسكو. ولم تذكر الصحيفة "
            "\"العداوة التاريخية\" بين البلدين سببا لذلك، بل قالت إن الجماهير تحب الفريق.")
    a = attribute(steps, text, {"ذا صن": ("ORG", ["ذا صن"])})
    assert [q.speaker.name for q in a.quotes] == ["ذا صن", "ذا صن"]


# --- descriptions that stand for a named entity (speakers resolved to people) ---------------

def attribute_roles(steps, text: str, entities: dict[str, tuple[str, list[str]]],
                    roles: dict[str, list[str]]) -> Analysis:
    """As :func:`attribute`, with the roles the recogniser would attach ({name: [role]})."""
    mentions = []
    for name, (kind, forms) in entities.items():
        spans = []
        for form in forms:
            start = 0
            while (at := text.find(form, start)) >= 0:
                spans.append([at, at + len(form)])
                start = at + len(form)
        mentions.append({"type": kind, "name": name, "mentions": spans})
    gold_roles = []
    for name, forms in roles.items():
        for form in forms:
            at = text.find(form)
            assert at >= 0, form
            gold_roles.append({"entity": name, "role": [at, at + len(form)]})
    gold = {"text": text, "entities": mentions, "roles": gold_roles}
    text_step, quotes_step = steps
    return Pipeline([text_step, GoldEntities(OPTIONS, gold), quotes_step]).run(Article(text))


MINISTERS = {"فارس الحديدي": ("PER", ["فارس الحديدي"]), "سالم الخطيب": ("PER", ["سالم الخطيب"])}
MINISTER_ROLES = {"فارس الحديدي": ["وزير الخارجية الأردني"], "سالم الخطيب": ["وزير الداخلية"]}


def test_a_title_with_its_complement_is_the_person_whose_role_it_is(steps):
    text = ("التقى وزير الخارجية الأردني فارس الحديدي نظيره العراقي. واستقبل وزير الداخلية "
            "سالم الخطيب وفدا أمنيا. وقال وزير الخارجية إن التنسيق بلغ مستوى غير مسبوق. "
            "وأكد وزير الداخلية أن الحدود آمنة.")
    a = attribute_roles(steps, text, MINISTERS, MINISTER_ROLES)
    assert [q.speaker.name for q in a.quotes] == ["فارس الحديدي", "سالم الخطيب"]
    assert [q.speaker.entity for q in a.quotes] == ["E1", "E2"]
    first, second = a.quotes
    assert text[first.speaker.start:first.speaker.end] == "وزير الخارجية"
    assert text[second.speaker.start:second.speaker.end] == "وزير الداخلية"


def test_a_different_complement_is_not_the_person(steps):
    text = ("التقى وزير الخارجية الأردني فارس الحديدي نظيره العراقي. وقال وزير الداخلية إن "
            "الحدود آمنة.")
    q = only(attribute_roles(steps, text, {"فارس الحديدي": ("PER", ["فارس الحديدي"])},
                             {"فارس الحديدي": ["وزير الخارجية الأردني"]}))
    assert (q.speaker.name, q.speaker.entity) == ("وزير الداخلية", None)


def test_a_nationality_adjective_must_agree_with_the_role(steps):
    text = ("وصل الرئيس الأمريكي جون هارتلي إلى عمّان، والتقى وزير الخارجية الأردني فارس الحديدي. "
            "وقال الوزير الأردني إن المحادثات كانت مثمرة. وقال الرئيس الفرنسي إن باريس تدعم "
            "الحوار.")
    a = attribute_roles(steps, text, {"جون هارتلي": ("PER", ["جون هارتلي"]),
                                      "فارس الحديدي": ("PER", ["فارس الحديدي"])},
                        {"جون هارتلي": ["الرئيس الأمريكي"],
                         "فارس الحديدي": ["وزير الخارجية الأردني"]})
    assert [(q.speaker.name, q.speaker.entity) for q in a.quotes] == [
        ("فارس الحديدي", "E2"), ("الرئيس الفرنسي", None)]


def test_an_apposition_describes_the_person_it_follows(steps):
    text = ("دعا كمال الورتاني، المسؤول النقابي في صفاقس، إلى إضراب عام. وتتواصل المفاوضات "
            "مع الحكومة دون نتيجة، وفق المسؤول النقابي.")
    q = only(attribute_roles(steps, text, {"كمال الورتاني": ("PER", ["كمال الورتاني"])}, {}))
    assert (q.speaker.name, q.speaker.entity, q.speaker.anonymous) == (
        "كمال الورتاني", "E1", False)
    assert text[q.speaker.start:q.speaker.end] == "المسؤول النقابي"


def test_an_indefinite_description_is_the_person_named_in_the_next_sentence(steps):
    text = ("سخر وزير تركي من العقوبات المفروضة عليه، قائلا إن ممتلكاته كلها داخل البلاد. "
            "وكتب وزير الداخلية، مراد أوزتورك، على تويتر رسالة قصيرة.")
    q = only(attribute_roles(steps, text, {"مراد أوزتورك": ("PER", ["مراد أوزتورك"])},
                             {"مراد أوزتورك": ["وزير الداخلية"]}))
    assert (q.speaker.name, q.speaker.entity) == ("مراد أوزتورك", "E1")


def test_an_indefinite_description_two_sentences_before_the_name_stays(steps):
    text = ("سخر وزير تركي من العقوبات المفروضة عليه، قائلا إن ممتلكاته كلها داخل البلاد. "
            "وتراجعت الليرة أمس. وكتب وزير الداخلية، مراد أوزتورك، على تويتر رسالة قصيرة.")
    q = only(attribute_roles(steps, text, {"مراد أوزتورك": ("PER", ["مراد أوزتورك"])},
                             {"مراد أوزتورك": ["وزير الداخلية"]}))
    assert (q.speaker.name, q.speaker.entity) == ("وزير تركي", None)


def test_anonymous_sources_and_spokesmen_are_not_the_person(steps):
    text = ("التقى وزير الخارجية الأردني فارس الحديدي نظيره العراقي. وقال وزير الخارجية إن "
            "التنسيق ممتاز. وقال مسؤول أردني طلب عدم نشر اسمه إن اتفاقا سيوقع قريبا. وقال "
            "المتحدث باسم وزير الخارجية إن الزيارة ستتأجل.")
    a = attribute_roles(steps, text, {"فارس الحديدي": ("PER", ["فارس الحديدي"])},
                        {"فارس الحديدي": ["وزير الخارجية الأردني"]})
    assert [(q.speaker.name, q.speaker.entity, q.speaker.anonymous) for q in a.quotes] == [
        ("فارس الحديدي", "E1", False), ("مسؤول أردني", None, True),
        ("المتحدث باسم وزير الخارجية", None, True)]


def test_a_title_followed_by_the_name_keeps_the_name_as_span(steps):
    text = ("التقى وزير الخارجية الأردني فارس الحديدي نظيره العراقي. وقال وزير الخارجية "
            "فارس الحديدي إن التنسيق ممتاز.")
    q = only(attribute_roles(steps, text, {"فارس الحديدي": ("PER", ["فارس الحديدي"])},
                             {"فارس الحديدي": ["وزير الخارجية الأردني"]}))
    assert q.speaker.entity == "E1"
    assert text[q.speaker.start:q.speaker.end] == "فارس الحديدي"
