import { Router, type Request, type Response } from "express";

import { prisma } from "../lib/clients";
import { logger } from "../lib/logger";

export const newsletterRouter = Router();

const EMAIL_REGEX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The "keep me posted" form in the site footer: product news and renewal offers.
newsletterRouter.post("/newsletter", async (req: Request, res: Response) => {
  const email = String(req.body.email ?? "").trim().toLowerCase();
  const source = String(req.body.source ?? "footer");
  if (!EMAIL_REGEX.test(email)) {
    return res.status(400).json({ error: "enter a valid email address" });
  }

  await prisma.newsletterSubscriber.upsert({
    where: { email },
    create: { email, source },
    update: {},
  });
  logger.info("newsletter signup", { source });
  return res.status(204).end();
});
