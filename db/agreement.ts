// The pay-later agreement, version 1. Stored in the database by the seed; acceptances record the version.
export const AGREEMENT_V1 = {
  version: 1,
  title: "Houfu Pay Later Agreement",
  bodyEn: [
    "1. You receive your pay-later order now and repay by each due date shown at checkout. Houfu runs the credit check, the schedule and the collection of your repayments, and passes each repayment on to the merchant: the merchant is paid as you repay.",
    "2. Pay later carries no interest when you pay on time. Plans: one payment 30 days after the order, or three monthly instalments.",
    "3. Your credit limit depends on your credit score and Houfu's published credit policy; it may change when your score or the policy changes.",
    "4. An instalment is overdue once its due date and the grace period (currently 3 days) have passed. Each overdue instalment incurs one late fee (currently ¥15, at most 25% of the instalment).",
    "5. Going overdue lowers your credit score and suspends pay later until everything overdue is repaid. Paying on time raises your score.",
    "6. You may repay early, in part or in full, at no cost. You may turn pay later off when nothing is owed.",
  ].join("\n\n"),
  bodyZh: [
    "1. 您现在即可收到先享后付订单的商品，并在结账时显示的每个到期日前还款。后付负责信用审核、还款计划和收款，并将您的每笔还款转交商家：商家随您的还款收到货款。",
    "2. 按时还款不收取利息。还款方式：下单后 30 天一次性还款，或分三个月还款。",
    "3. 您的信用额度取决于您的信用分和后付公布的信用政策；信用分或政策变化时，额度可能随之变化。",
    "4. 到期日及宽限期（目前为 3 天）过后仍未还清的分期即为逾期。每笔逾期分期收取一次滞纳金（目前为 ¥15，最多为该期金额的 25%）。",
    "5. 逾期会降低您的信用分，并暂停先享后付，直至逾期款项全部还清。按时还款可提高信用分。",
    "6. 您可随时提前还款（部分或全部），不收取任何费用。没有欠款时，您可以关闭先享后付。",
  ].join("\n\n"),
} as const;
