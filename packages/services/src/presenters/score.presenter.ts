import {
  type CompositeResult,
  type Explanation,
  type PlanScore,
  renderComposite,
  renderExplanation,
} from '@selaras/core';

/** Lines of text in Indonesian and English, as `selaras score --explain` prints them. */
export interface ExplanationText {
  readonly id: string[];
  readonly en: string[];
}

/** An explanation as text lines in both languages (nested steps are indented by two spaces). */
export const explanationText = (e: Explanation): ExplanationText => ({
  id: renderExplanation(e, 'id'),
  en: renderExplanation(e, 'en'),
});

/** A composite index's workings as text lines in both languages: the value, then each component. */
export const compositeText = (r: CompositeResult): ExplanationText => ({
  id: renderComposite(r, 'id'),
  en: renderComposite(r, 'en'),
});

/** Explanations are built when read: read each once, and give it with its text. */
const explained = (e: Explanation, realisation?: Explanation) => ({
  explanation: e,
  explanationText: explanationText(e),
  ...(realisation && {
    realisationExplanation: realisation,
    realisationExplanationText: explanationText(realisation),
  }),
});

/**
 * The scores of one plan as plain JSON data, shared by the API and `selaras score --json`:
 * composites with every component, indicators, nodes, units and the overall value; with
 * `explain`, the structured explanations and the same rendered as text (`explanationText`, and
 * `realisationExplanationText` for indicators) in Indonesian and English.
 */
export const presentScore = (score: PlanScore, explain: boolean) => ({
  planId: score.planId,
  year: score.year,
  composites: score.composites.map((r) => ({
    id: r.composite.id,
    name: r.composite.name,
    version: r.version?.version ?? null,
    value: r.value ?? null,
    components: r.components.map((p) => ({
      indicator: p.indicator,
      label: p.label,
      raw: p.raw ?? null,
      normalised: p.normalised ?? null,
      weight: p.weight,
      effectiveWeight: p.effectiveWeight,
      contribution: p.contribution ?? null,
      missing: p.missing,
    })),
    ...(explain && { explanation: r.explanation, explanationText: compositeText(r) }),
  })),
  indicators: score.indicators.map((s) => ({
    id: s.indicator.id,
    node: s.node.id,
    name: s.indicator.name,
    unit: s.indicator.unit ?? null,
    polarity: s.indicator.polarity,
    target: s.target ?? null,
    realisation: s.realisation.value ?? null,
    source: s.realisation.source,
    capaian: s.capaian ?? null,
    predicate: s.predicate?.key ?? null,
    ...(s.toDate && { toDate: s.toDate }),
    ...(explain && explained(s.explanation, s.realisation.explanation)),
  })),
  nodes: [...score.nodes.values()].map((n) => ({
    id: n.node.id,
    own: n.own ?? null,
    value: n.value ?? null,
    predicate: n.predicate?.key ?? null,
    ...(explain && explained(n.explanation)),
  })),
  units: score.units.map((u) => ({
    id: u.unit,
    name: u.name,
    value: u.value ?? null,
    predicate: u.predicate?.key ?? null,
  })),
  overall: { value: score.overall.value ?? null, predicate: score.overall.predicate?.key ?? null },
});
