/**
 * Medical and social indications for the five wheelchair types (S6), from the annex "indications and
 * contraindications for special means of movement" of the wheelchair rules (seeds 004, annex 9). Shown
 * to the recipient beside the offering; the age bound is enforced when ordering.
 */
export interface WheelchairRule {
  itemTypeCode: string;
  indications: { kk: string; ru: string; en: string };
  contraindications: { kk: string; ru: string; en: string };
  /** Contraindicated below this age in full years (electric wheelchair: under 6). */
  minAgeYears: number | null;
}

const SITTING = {
  kk: 'отырған кезде патологиялық процестің өршуіне әкелетін аурулар мен жарақаттардың салдары',
  ru: 'последствия болезней и травм, при которых сидячее положение ведёт к прогрессированию патологического процесса',
  en: 'conditions that worsen in a sitting position',
};
const MIND = {
  kk: 'сана, бағдарлау, зияткерлік немесе мотивация функциясының абсолютті бұзылуы',
  ru: 'абсолютное нарушение функций сознания, ориентации, интеллекта или мотивации',
  en: 'absolute impairment of consciousness, orientation, intellect or motivation',
};
const join = (...parts: { kk: string; ru: string; en: string }[]) => ({
  kk: parts.map((p) => p.kk).join('; '),
  ru: parts.map((p) => p.ru).join('; '),
  en: parts.map((p) => p.en).join('; '),
});

export const WHEELCHAIR_RULES: readonly WheelchairRule[] = [
  {
    itemTypeCode: 'S6-WC-MANUAL',
    indications: {
      kk: 'Жүру қабілетінің ауыр немесе абсолютті бұзылуы: ІІІ дәрежелі қан айналымы жеткіліксіздігі, гемиплегия, параплегия, триплегия, тетраплегия, айқын атаксия, екі балтырдың тұқылы немесе одан жоғары ампутация, ІV дәрежелі аяқ буындарының бұзылуы, паркинсонизм',
      ru: 'Тяжёлое или абсолютное нарушение ходьбы: хроническая недостаточность кровообращения III степени, гемиплегия, параплегия, триплегия, тетраплегия, выраженная атаксия, культи обеих голеней или ампутация выше, нарушение функции суставов ног IV степени, паркинсонизм',
      en: 'Severe or absolute impairment of walking: grade III circulatory insufficiency, hemiplegia, paraplegia, triplegia, tetraplegia, marked ataxia, stumps of both shins or higher amputation, grade IV joint impairment of the legs, parkinsonism',
    },
    contraindications: join(SITTING, MIND, { kk: 'екі қолды пайдалану функциясының ауыр немесе абсолютті бұзылуы', ru: 'тяжёлое или абсолютное нарушение функции обеих рук', en: 'severe or absolute impairment of the use of both hands' }),
    minAgeYears: null,
  },
  {
    itemTypeCode: 'S6-WC-LEVER',
    indications: {
      kk: 'Екі қолдың сақталған функциясы және иінтіректі жетегі бар арбаны пайдаланудың табысты тәжірибесі болған кезде жүру қабілетінің ауыр немесе абсолютті бұзылуы',
      ru: 'Тяжёлое или абсолютное нарушение ходьбы при сохранной функции обеих рук и успешном опыте пользования коляской с рычажным приводом',
      en: 'Severe or absolute impairment of walking with both hands functioning and successful experience of a lever-driven wheelchair',
    },
    contraindications: join(SITTING, MIND, { kk: 'аяқтың бұлшық ет тонусының, отыру мен тепе-теңдікті бақылаудың ауыр бұзылуы', ru: 'тяжёлое нарушение мышечного тонуса ног, контроля позы сидя и равновесия', en: 'severe impairment of leg muscle tone, sitting posture and balance control' }),
    minAgeYears: null,
  },
  {
    itemTypeCode: 'S6-WC-ACTIVE',
    indications: {
      kk: 'Екі қолдың сақталған функциясы және "белсенді" өмір салты (білім, жұмыс, демалыс) болған кезде жүру қабілетінің ауыр немесе абсолютті бұзылуы',
      ru: 'Тяжёлое или абсолютное нарушение ходьбы при сохранной функции обеих рук и «активном» образе жизни (учёба, работа, досуг)',
      en: 'Severe or absolute impairment of walking with both hands functioning and an active life (education, work, leisure)',
    },
    contraindications: join(SITTING, MIND, { kk: 'протезделмейтін екі жақты кереңдік, көрудің абсолютті бұзылуы, есінен танумен құрысу ұстамалары', ru: 'двусторонняя непротезируемая глухота, абсолютное нарушение зрения, судорожные приступы с потерей сознания', en: 'bilateral deafness that cannot be aided, absolute loss of sight, seizures with loss of consciousness' }),
    minAgeYears: null,
  },
  {
    itemTypeCode: 'S6-WC-ELECTRIC',
    indications: {
      kk: 'Қолдардың аурулары, деформациялары немесе парездері салдарынан (иық пен шынтақтағы қозғалыс 13–20°, білезік 9–14° аспайды, ұстау мүмкін емес, қол күші 2 балға дейін) "белсенді" өмір салтымен жүру қабілетінің бұзылуы',
      ru: 'Нарушение ходьбы при заболеваниях, деформациях или парезах рук (движения в плечевом и локтевом суставах не более 13–20°, в лучезапястном — 9–14°, захват невозможен, сила рук до 2 баллов) и «активном» образе жизни',
      en: 'Impaired walking with diseases, deformities or paresis of the arms (shoulder and elbow movement at most 13–20°, wrist 9–14°, no grip, arm strength up to 2 points) and an active life',
    },
    contraindications: join(SITTING, MIND, {
      kk: 'жасы 6 жастан кем; ғимараттың абсолютті немесе ауыр кедергілері', ru: 'возраст до 6 лет; абсолютные или тяжёлые барьеры среды здания', en: 'age under 6; absolute or severe barriers of the building',
    }),
    // 004 annex 9, electric wheelchair: contraindicated under the age of 6.
    minAgeYears: 6,
  },
  {
    itemTypeCode: 'S6-WC-CHILD',
    indications: {
      kk: 'Қолдардың бұлшық ет тонусының, отыру қалпын немесе тепе-теңдікті бақылаудың абсолютті немесе ауыр бұзылуымен байланысты жүру қабілетінің ауыр немесе абсолютті бұзылуы',
      ru: 'Тяжёлое или абсолютное нарушение ходьбы, связанное с абсолютным или тяжёлым нарушением мышечного тонуса рук, контроля позы сидя или равновесия',
      en: 'Severe or absolute impairment of walking with absolute or severe impairment of arm muscle tone, sitting posture or balance control',
    },
    contraindications: SITTING,
    minAgeYears: null,
  },
];

export const wheelchairRuleByCode = new Map(WHEELCHAIR_RULES.map((r) => [r.itemTypeCode, r]));

/** Full years of age on `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
