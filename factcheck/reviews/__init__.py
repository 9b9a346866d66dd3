"""Earlier verdicts: ClaimReview reading and the verdict memory."""
