"""Named entities on our own Arabic sentences: clean spans, coreference, roles, countries."""

from __future__ import annotations

import pytest

import khabar
from khabar.model import Article
from khabar.ner.corpus import map_tag, spans
from khabar.ner.lexicon import adjective_forms
from khabar.ner.mentions import decode
from khabar.ner.nationality import country_of
from khabar.options import Options

OPTIONS = Options(analysers=("text", "entities"))


def analyse(text: str):
    return khabar.analyze(Article(text), OPTIONS)


def entity(analysis, name: str):
    found = [e for e in analysis.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in analysis.entities]}"
    return found[0]


def texts(analysis, e) -> list[str]:
    return [analysis.text[m.start : m.end] for m in e.mentions]


def test_clitics_are_left_out_of_mentions():
    a = analyse("أبرمت بغداد وواشنطن اتفاقية جديدة، ووصل الوفد بالأمس إلى بغداد قادما من واشنطن.")
    washington = entity(a, "واشنطن")
    assert texts(a, washington) == ["واشنطن", "واشنطن"]
    assert washington.type == "LOC"
    assert a.text[washington.mentions[0].start - 1] == "و"


def test_preposition_and_article_stay_right():
    a = analyse("وتعهد الرئيس بتقديم الدعم للعراق، وقال إن قوات أخرى موجودة بالعراق منذ سنوات.")
    iraq = entity(a, "العراق")
    assert iraq.type == "LOC"
    # «للعراق»: the article is written ل, and the mention starts at it; «بالعراق» → «العراق».
    assert texts(a, iraq) == ["لعراق", "العراق"]


def test_surname_joins_full_name_and_name_is_fullest():
    a = analyse("وصل وزير الدفاع الأميركي لويد أوستن إلى بغداد. وأجرى أوستن محادثات مع "
                "المسؤولين العراقيين.")
    austin = entity(a, "لويد أوستن")
    assert austin.type == "PER"
    assert texts(a, austin) == ["لويد أوستن", "أوستن"]
    assert austin.aliases == ["أوستن"]
    assert [r.text for r in austin.roles] == ["وزير الدفاع الأميركي"]
    assert austin.roles[0].country == "US"


def test_parentheses_equate_an_organisation_with_its_short_name():
    a = analyse("واستقبلت مسؤولة في وزارة الدفاع الأميركية (البنتاغون) وفدا عراقيا، وقال "
                "المتحدث باسم البنتاغون إن المحادثات مثمرة.")
    pentagon = entity(a, "وزارة الدفاع الأميركية")
    assert pentagon.type == "ORG"
    assert texts(a, pentagon) == ["وزارة الدفاع الأميركية", "البنتاغون", "البنتاغون"]
    assert pentagon.country == "US"


def test_roles_before_and_after_the_name():
    a = analyse("والتقى الرئيس الأميركي جون ميلر في البيت الأبيض سامي الحداد مستشار الأمن "
                "القومي العراقي، بحضور كريم العلي المتحدث باسم وزارة الخارجية العراقية.")
    assert [r.text for r in entity(a, "جون ميلر").roles] == ["الرئيس الأميركي"]
    assert [r.text for r in entity(a, "سامي الحداد").roles] == ["مستشار الأمن القومي العراقي"]
    karim = entity(a, "كريم العلي")
    assert [r.text for r in karim.roles] == ["المتحدث باسم وزارة الخارجية العراقية"]
    assert karim.roles[0].country == "IQ"


def test_an_apposition_ends_after_its_prepositional_phrase():
    a = analyse("ووصف أورين هاتش رئيس لجنة المالية بمجلس الشيوخ الرسوم الجمركية بأنها ضريبة، "
                "فيما قال أحمد أبو الغيط الأمين العام لجامعة الدول العربية إن القمة ناجحة.")
    assert [r.text for r in entity(a, "أورين هاتش").roles] == ["رئيس لجنة المالية بمجلس الشيوخ"]
    assert [r.text for r in entity(a, "أحمد أبو الغيط").roles] == [
        "الأمين العام لجامعة الدول العربية"]


def test_nationality_adjectives_are_not_mentions_but_link_to_their_country():
    a = analyse("وانسحبت القوات العراقية من المدينة، وأكد الجيش العراقي أن العراق لن يتراجع.")
    iraq = entity(a, "العراق")
    assert texts(a, iraq) == ["العراق"]
    assert [m.text for m in iraq.adjectives] == ["العراقية", "العراقي"]
    assert iraq.country == "IQ"
    assert all(m.text not in ("العراقية", "العراقي") for e in a.entities for m in e.mentions)


def test_entity_ids_follow_text_order_and_json_adds_fields_after_the_contract():
    a = analyse("زار رئيس الوزراء الأردني عمر الخطيب القاهرة، ثم توجه إلى الرياض.")
    ids = [e.id for e in a.entities]
    assert ids == [f"E{i + 1}" for i in range(len(ids))]
    firsts = [e.mentions[0].start for e in a.entities]
    assert firsts == sorted(firsts)
    keys = list(a.to_dict()["entities"][0])
    assert keys[:5] == ["id", "type", "name", "mentions", "roles"]
    assert {"aliases", "country", "adjectives"} <= set(keys[5:])


def test_entity_lookup_by_offset():
    a = analyse("وقال جون كيربي المتحدث باسم البنتاغون إن المهمة لم تتغير.")
    kirby = entity(a, "جون كيربي")
    start = a.text.index("كيربي")
    assert a.entity_at(start, start + 5) is kirby
    assert a.entity_at(0, 4) is None


def test_country_of_a_description():
    assert country_of("مسؤول دفاعي أميركي كبير").code == "US"
    assert country_of("مسؤولون عراقيون").code == "IQ"
    assert country_of("مصادر دبلوماسية") is None


def test_adjective_forms():
    forms = adjective_forms("أميركي")
    assert {"اميركي", "الاميركيه", "اميركيون", "الاميركيين"} <= set(forms)


def test_institutions_named_by_their_complement():
    a = analyse("وأعلنت منظمة الصحة العالمية اليوم أن عدد الإصابات تراجع، فيما قالت وزارة الطاقة "
                "إن الشبكة عادت للعمل، ونقل المصابون إلى مستشفى الملك فهد في جدة.")
    assert entity(a, "منظمة الصحة العالمية").type == "ORG"  # «اليوم» is not part of it
    assert entity(a, "وزارة الطاقة").type == "ORG"
    hospital = entity(a, "مستشفى الملك فهد")
    assert hospital.type == "ORG"
    assert texts(a, hospital) == ["مستشفى الملك فهد"]
    assert "فهد" not in {e.name for e in a.entities}
    b = analyse("ويعاني الأردن من عجز مائي، بحسب ما ذكر تقرير لمعهد المياه العربي نشر "
                "الشهر الماضي.")
    assert texts(b, entity(b, "معهد المياه العربي")) == ["معهد المياه العربي"]


def test_a_name_stops_before_a_word_with_the_conjunction_fa():
    a = analyse("وسئل المهاجم كارلوس مينديز عن العرض الجديد فاكتفى بالقول إنه سعيد.")
    assert texts(a, entity(a, "كارلوس مينديز")) == ["كارلوس مينديز"]
    a = analyse("وسئل المهاجم كارلوس مينديز فاكتفى بالقول إنه سعيد.")
    assert texts(a, entity(a, "كارلوس مينديز")) == ["كارلوس مينديز"]


def test_a_name_that_is_an_adjective_is_not_found_again_as_one():
    a = analyse("ونقل موقع \"السوداني\" عن مصادر أن الهدنة صامدة. "
                "وقال المتحدث باسم الجيش السوداني إن القتال توقف.")
    for e in a.entities:
        for m in e.mentions:
            assert not (a.text[m.start : m.end] == "السوداني" and a.text[m.start - 6 : m.start]
                        == "الجيش "), e


def test_well_known_organisations_and_their_other_names():
    a = analyse("رحبت حركة حماس بقرار مجلس الأمن الدولي، وقالت حماس إن الأمم المتحدة "
                "مطالبة بالتحرك. وقال مستشار الأمن القومي إن وكالة رويترز نقلت الخبر عن "
                "الاتحاد الأفريقي لكرة القدم.")
    hamas = entity(a, "حماس")  # «حركة» is left out, as «وكالة» is from «وكالة رويترز»
    assert texts(a, hamas) == ["حماس", "حماس"]
    assert entity(a, "مجلس الأمن الدولي").type == "ORG"
    assert entity(a, "الأمم المتحدة").type == "ORG"
    assert entity(a, "رويترز").type == "ORG"
    assert entity(a, "الاتحاد الأفريقي لكرة القدم").type == "ORG"
    # «مجلس الأمن» is not matched where the name goes on («مجلس الأمن القومي»).
    assert not [e for e in a.entities if "القومي" in e.name or e.name == "مجلس الأمن"]
    nato = analyse("وعقد حلف شمال الأطلسي اجتماعا في بروكسل، وقال الأمين العام للناتو إن "
                   "الحلف موحد.")
    assert texts(nato, entity(nato, "حلف شمال الأطلسي")) == ["حلف شمال الأطلسي", "لناتو"]


def test_one_or_two_letter_fragments_are_not_names():
    a = analyse("وقالت محطة تلفزيون \"سي.إن.بي.سي\" إن الفنانة أعلنت بكل حب وود واحترام "
                "انفصالها، والتقى لي كه تشيانغ رئيس الوزراء الصيني نظيره.")
    names = {e.name for e in a.entities}
    assert not {n for n in names if len(n) <= 2}, names
    assert "لي كه تشيانغ" in names


def test_a_surname_before_the_full_name_is_the_same_person():
    a = analyse("وقال يونكر إن الاتحاد موحد. وأضاف رئيس المفوضية جان كلود يونكر أن الأزمة انتهت.")
    juncker = entity(a, "جان كلود يونكر")
    assert juncker.type == "PER"
    assert texts(a, juncker) == ["يونكر", "جان كلود يونكر"]
    assert len([e for e in a.entities if "يونكر" in e.name]) == 1


def test_an_institution_name_stops_before_a_time_word():
    a = analyse("وقالت وزارة التجارة الأميركية للعام الماضي إن الواردات ارتفعت.")
    assert texts(a, entity(a, "وزارة التجارة الأميركية")) == ["وزارة التجارة الأميركية"]


def test_places_of_more_than_one_word_are_not_cut():
    a = analyse("وقصفت الطائرات قطاع غزة، فيما زار الرئيس جنوب السودان ثم مكة المكرمة، "
                "وعقد مؤتمر في شرم الشيخ.")
    for name in ("قطاع غزة", "جنوب السودان", "مكة المكرمة", "شرم الشيخ"):
        place = entity(a, name)
        assert place.type == "LOC" and texts(a, place) == [name]
    assert "السودان" not in {e.name for e in a.entities}  # South Sudan is another country


def test_dotted_acronyms_are_organisations():
    a = analyse("وقالت شبكة سي.إن.بي.سي إن الشركة ستعلن أرباحها. وذكرت بي.بي.سي أن الخبر صحيح، "
                "كما أكدت هيئة الإذاعة البريطانية الخبر نفسه.")
    assert entity(a, "سي.إن.بي.سي").type == "ORG"
    bbc = entity(a, "هيئة الإذاعة البريطانية")
    assert texts(a, bbc) == ["بي.بي.سي", "هيئة الإذاعة البريطانية"]


def test_a_name_in_letter_names_is_an_organisation_and_stops_before_inna():
    a = analyse("وقالت شبكة إن بي سي إن الخبر صحيح، وقال رئيس تحرير شبكة \"وان تي في\" عبدالله "
                "خنجاني إن اليوم يوم حداد.")
    assert entity(a, "إن بي سي").type == "ORG"
    assert entity(a, "عبدالله خنجاني").type == "PER"
    assert not [e for e in a.entities if e.type == "PER" and e.name != "عبدالله خنجاني"]


def test_a_first_name_and_surname_before_a_title_are_a_person():
    a = analyse("وحضر اللقاء سلمى الحديدي سفيرة الأردن لدى إيطاليا، وعبد الله صفي الدين ابن خالة "
                "زعيم الحزب.")
    salma = entity(a, "سلمى الحديدي")
    assert salma.type == "PER"
    assert [r.text for r in salma.roles] == ["سفيرة الأردن لدى إيطاليا"]
    assert "ابن خالة" not in {e.name for e in a.entities}


def test_a_currency_alone_is_not_a_name():
    a = analyse("وقال وزير المالية الأردني محمد العسعس إن سعر الدولار استقر أمام الدينار، "
                "وإن الحكومة خصصت 45 مليون دينار للمشروع.")
    names = {e.name for e in a.entities}
    assert not names & {"الدولار", "دولار", "الدينار", "دينار"}, names
    assert entity(a, "محمد العسعس").type == "PER"


def test_no_entities_in_text_without_names_and_never_a_crash():
    assert analyse("وأضاف أن الوضع في المنطقة يتحسن ببطء.").entities == []
    for text in ("ـ", "(", "و", "لـ“", "«»", "A", "١٢"):
        analyse(text)


def test_bio_decoding_and_corpus_tags():
    assert decode(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [
        (0, 1, "PER"), (3, 3, "LOC"), (4, 4, "ORG")]
    assert spans(["I-ORG", "I-ORG", "B-LOC"]) == {(0, 2, "ORG"), (2, 3, "LOC")}
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("I-MIS2") == "I-MISC"
    assert map_tag("B-ENGLISH") == "O"
    assert map_tag("IO") == "O"


def test_a_damaged_model_is_a_one_line_error(tmp_path):
    from khabar.errors import ModelError
    from khabar.ner.tagger import NerTagger

    bad = tmp_path / "ner.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not a usable NER model"):
        NerTagger(str(bad))
