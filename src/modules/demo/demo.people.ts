// Fictitious people and organisations for the demo prefecture. Surnames are put together from two
// parts (星沢, 月崎 …) and companies carry 「デモ」 or 「架空」 in their names, so nobody can mistake a
// demo record for a real person's or company's data.
import type { Random } from './demo.random.ts';

const SURNAME_HEADS = ['星', '月', '霞', '朝', '夕', '若', '青', '白', '楓', '柚', '桐', '椿', '雪', '虹', '鈴', '葵'] as const;
const SURNAME_TAILS = ['沢', '崎', '野', '原', '谷', '森', '瀬', '浜', '坂', '畑', '川', '岡', '島', '井'] as const;
const GIVEN_NAMES = ['一郎', '健太', '翔', '直樹', '美咲', '陽子', '大輔', '結衣', '拓也', '彩', '誠', '恵', '蓮', '葵', '悠真', '千尋'] as const;

export function fictitiousName(random: Random): string {
  return `${random.pick(SURNAME_HEADS)}${random.pick(SURNAME_TAILS)} ${random.pick(GIVEN_NAMES)}`;
}

export const INDUSTRY_NAMES = {
  manufacturing: ['デモ精機', '架空電子工業', 'デモ樹脂成形', '架空金属加工', 'デモ食品工業'],
  medical_welfare: ['デモ中央クリニック', '架空記念病院', 'デモ歯科医院', '架空介護センター'],
  wholesale_retail: ['デモ商事', '架空物産', 'デモ通販'],
  services: ['デモ不動産', '架空会計事務所', 'デモ旅館'],
  construction: ['デモ建設', '架空工務店'],
  information_communications: ['デモシステムズ', '架空ネット'],
  transport: ['デモ運輸', '架空ロジスティクス'],
  education: ['デモ学園', '架空専門学校'],
} as const;
export type DemoIndustry = keyof typeof INDUSTRY_NAMES;

export type DemoOrganisation = { name: string; industry: DemoIndustry; orgSize: 'large' | 'sme' | 'organization' };

export function fictitiousOrganisation(random: Random, industry: DemoIndustry, orgSize: DemoOrganisation['orgSize'] = 'sme'): DemoOrganisation {
  const kind = industry === 'medical_welfare' || industry === 'education' ? '' : random.pick(['株式会社', '有限会社']);
  const town = random.pick(['水戸', 'つくば', '日立', '土浦', '古河', '鹿嶋', '筑西', '常総']);
  return { name: `${kind}${town}${random.pick(INDUSTRY_NAMES[industry])}`, industry, orgSize };
}

/** A reporter's contact: a fictitious name, a 03-5555 number and an address under example.jp-style reserved names. */
export function fictitiousContact(random: Random) {
  return {
    name: fictitiousName(random),
    phone: `03-5555-${random.digits(4)}`,
    email: `reporter${random.digits(5)}@example.com`,
    preferred: 'phone' as const,
  };
}
