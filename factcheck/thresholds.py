"""Every number that decides a stance, named in one place: the decision thresholds and the
weights of the scoring rules. The evaluation scripts report both and ``--set NAME=VALUE``
overrides any of them (benchmarks/harness.py); provenance hashes them (provenance.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights and cut-offs inside the comparison rules (compare.py, align.py,
    coverage.py), each named for what it does. Chosen by hand when each rule was written;
    docs/evaluation.md measures them together."""

    # align(): how surely a claim value and a passage value are about the same thing
    context_word: float = 1.0  # per content word shared by the two values' surroundings
    context_name_word: float = 0.4  # ... when the shared word is part of a name (says who)
    counted_noun: float = 2.0  # both count the same noun ("100,000 troops" twice)
    similar_noun: float = 1.0  # ... or nouns the embedder finds alike ("troops" / "soldiers")
    # alike nouns refute with the alignment an exact noun would have: refute_alignment plus
    # the noun weight they lack (counted_noun - similar_noun), made up by shared wording
    alike_refute_alignment: float = 3.0
    measure_unit: float = 1.0  # both in one unit (%, km, USD): a precondition, weakly
    same_anchor: float = 2.0  # both attach to the same word ("seized ... in 2014")
    anchor_nearby: float = 1.0  # one's anchor word is near the other
    unambiguous_kind: float = 0.5  # durations, money and percentages rarely pair wrongly
    min_alignment: float = 1.0  # below this, two values are not paired at all
    refute_alignment: float = 2.0  # a mismatch refutes only at this alignment or above
    date_refute_factor: float = 2.0  # an unanchored date needs this many times as much
    # two lengths of time this many times apart, on different event words, are of
    # different things ("worked fourteen-hour days" / "imprisoned for nine years"): two
    # orders of magnitude, past minutes/hours (60) and hours/days (24)
    duration_scale_gap: float = 100.0
    agree_preference: float = 2.0  # a matching figure wins over a mismatch this much better
    # ... and a figure of two or more significant digits matched exactly ("$8.6 billion"),
    # which chance rarely repeats, this much more
    specific_preference: float = 2.0
    # a figure of this many significant digits, the same in both texts ("5,210.17"), pairs
    # with the claim's without a shared word: chance does not repeat it
    precise_digits: int = 4
    exact_tolerance: float = 0.005  # an exact figure allows rounding in its last digit
    # an exact figure is what rounds to it in its last written digit, at most this share
    # of itself away (rules/agree.py)
    rounding_share: float = 0.05
    # assess(): how much the passage is about the claim
    context_overlap: float = 0.5  # words of the passage before count at this weight
    relatedness_overlap: float = 0.5
    relatedness_cover: float = 0.3
    relatedness_similarity: float = 0.2
    # a figure that contradicts: base + per_alignment * min(alignment, cap) + overlap * share
    figure_refute_base: float = 0.4
    figure_refute_per_alignment: float = 0.1
    figure_refute_alignment_cap: float = 4.0
    figure_refute_overlap: float = 0.3
    # a predicate asserted in one text and negated in the other
    negation_base: float = 0.55
    negation_overlap: float = 0.4
    # how wide (a share of its size) a figure's interval may be and still name one figure
    # whose direction can flip: "about 30%" does, "hundreds of points" does not
    direction_figure_width: float = 0.25
    # the claim's figures all stated: base + share * (found / asserted) + overlap * share
    values_match_base: float = 0.45
    values_match_share: float = 0.35
    values_match_overlap: float = 0.2
    model_doubt: float = 0.8  # the stance model doubts matching figures: weight times this
    # the only figures that match are the claim's dates: the passage is of the claim's
    # time, which does not make its relation the claim's ("GM outsold Ford in February"
    # against Ford outselling GM that month), whatever the stance model reads (on the dev
    # halves such verdicts at >= 0.9 were right 28 times in 32, others 122 in 124).
    # Weight times this: below the 0.9 a desk sorts by.
    time_only_match: float = 0.85
    # a stance model's verdict: probability * (base + overlap * share of words)
    model_weight_base: float = 0.6
    model_weight_overlap: float = 0.4
    # no model: base + overlap * share + similarity * cosine
    words_support_base: float = 0.3
    words_support_overlap: float = 0.4
    words_support_similarity: float = 0.3
    # coverage.py: what a passage must state for it to support
    clause_cover: float = 0.5  # share of a clause's words a passage must hold
    other_name_overlap: float = 0.6  # word overlap at which "the same of another name" refutes
    other_name_base: float = 0.5
    other_name_per_overlap: float = 0.2
    # rules/speakers.py: a quotation the source words differently
    misquote_changed: float = 0.34  # share of a quotation's words that may differ (one at least)
    misquote_base: float = 0.7
    misquote_overlap: float = 0.3
    reworded_min_kept: int = 3  # words a reported statement keeps around a changed quote
    reworded_max_words: int = 2  # ... and how many words the change may span on each side
    misattributed_share: float = 0.6  # share of the claim's content in another's words
    # ... and, where the model reads no stance, the share of the words the claim gives its
    # speaker that another named speaker's words hold
    words_of_another_share: float = 0.8
    words_of_another_words: int = 4  # ... of at least this many words, its names left out
    same_surname: float = 0.75  # surnames this alike are one name spelt two ways
    verbatim_min_words: int = 4  # a claim's words found verbatim, given to its speaker
    verbatim_weight: float = 0.9
    # timing: share of the claim's words that makes a passage about the same event
    same_event_overlap: float = 0.6
    competing_discount: float = 0.95  # a competing account weighs this much of the one it answers


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds, in one place so the evaluation scripts can report them."""

    related: float = 0.3  # share of claim content words found in the passage
    support_overlap: float = 0.5
    support_similarity: float = 0.55
    entity_cover: float = 0.5
    negation_overlap: float = 0.45
    # |valence| (-4..4, lang/<code>/polarity.json) at which a word evaluates what it is
    # said of: the claim's and the source's of opposite sign contradict (rules/opposites.py)
    opposite_valence: float = 1.0
    model_margin: float = 0.15
    paraphrase_similarity: float = 0.6  # cosine at which a passage restates the claim
    # cosine of two words' embeddings at which they name the same thing ("troops" and
    # "soldiers" as counted nouns or event words; paraphrase.py)
    word_paraphrase: float = 0.7
    # a claim's clause whose embedding is this near a passage's is stated by it, whatever
    # its words (pipeline/meaning.py)
    clause_meaning: float = 0.6
    # P(supports) that counts, when it beats P(refutes): 0.5 for stance-v2 (the shipped
    # model since 2026-12-01), chosen on the dev halves of the news yardsticks
    # (benchmarks/yardsticks.py --tune; docs/evaluation.md)
    model_support: float = 0.5
    model_refute: float = 0.5  # P(refutes) that counts, when it beats P(supports)
    report_lag_days: int = 3  # a dated event may be reported this many days after it
    # a report's event dated this many days or more before the report is history it
    # recounts, which an undated claim from that day's report may restate (timing.py)
    recounted_days: int = 365
    time_bonus: float = 0.1  # retrieval: added to the cosine of passages of the claim's time
    name_bonus: float = 0.1  # retrieval: added to the cosine of passages naming its names
    retrieve_pool: int = 3  # retrieval: fetch k times this, keep the k best after the bonus
    # retrieval by name: the word index's best this many passages holding a claim's names
    # (BM25 on its names and words) are ranked by cosine (sources/named.py)
    name_candidates: int = 64
    # the sentence after each of this many top passages is compared too (with the passage
    # as its context): copy goes on in the next sentence ("That decision is due by ...")
    follow_on: int = 3
    # the passages of the articles of this many best sources that hold most of a claim's
    # words (BM25 within the article), this many of each, are compared too
    article_sources: int = 2
    article_matches: int = 3
    # the passages of the whole store that share most of a claim's words (BM25 on the
    # word index), this many, are compared too for a claim that nothing else settles
    word_matches: int = 3
    # each of this many best passages of a claim that nothing settles is also compared
    # joined with the sentence before it and with the one after it: two sentences of an
    # article that together state the claim ("Daniel Roe, 19, ..." / "He was released ...")
    windows: int = 3
    # a person's pronoun speaker ("He added ...") whose passage before names no one is
    # looked for in the passages before that, at most this many (pipeline/antecedents.py):
    # across the 115 news articles, 8 resolves 23 of 33 such pronouns, 3 resolves 15; so
    # is the passage that says which thing a passage's "the plant" is (rules/bridging.py)
    antecedent_passages: int = 8
    weights: Weights = field(default_factory=Weights)


DEFAULT = Thresholds()
