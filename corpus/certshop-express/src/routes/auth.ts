import { createHash, randomBytes } from "node:crypto";

import axios from "axios";
import bcrypt from "bcrypt";
import { Router, type NextFunction, type Request, type Response } from "express";

import { analytics, prisma } from "../lib/clients";
import { logger } from "../lib/logger";

export const authRouter = Router();

const BCRYPT_ROUNDS = 12;
const SESSION_COOKIE = "co_sid";
const MARKETING_COOKIE = "co_mkt";
const REMEMBER_COOKIE = "co_login";
const EMAIL_REGEX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export async function requireSession(req: Request, res: Response, next: NextFunction) {
  const sessionId = req.cookies[SESSION_COOKIE];
  const session = sessionId ? await prisma.session.findUnique({ where: { id: sessionId } }) : null;
  if (!session) {
    return res.status(401).json({ error: "login required" });
  }
  res.locals.userId = session.userId;
  next();
}

/**
 * The email address is also the account name, so it is normalised before it is
 * looked up or stored. A confirmation email is sent before the account is usable.
 */
authRouter.post("/register", async (req: Request, res: Response) => {
  const email = String(req.body.email ?? "").trim().toLowerCase();
  const password = String(req.body.password ?? "");
  if (!EMAIL_REGEX.test(email) || password.length < 8) {
    return res.status(400).json({ error: "a valid email and a password of 8+ characters are required" });
  }

  const check = await fetch(`https://api.mailcheckr.io/v1/verify?email=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${process.env.MAILCHECK_KEY}` },
  });
  const verdict = (await check.json()) as { disposable: boolean };
  if (verdict.disposable) {
    return res.status(422).json({ error: "disposable email addresses are not accepted" });
  }

  const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
  const user = await prisma.user.create({ data: { email, passwordHash } });
  logger.info(`new account registered: ${email}`);

  const token = randomBytes(24).toString("hex");
  const verificationEmail = await prisma.verificationEmail.create({ data: { userId: user.id, token } });
  logger.info("verification email queued", { userId: user.id, verificationEmailId: verificationEmail.id });

  analytics.track({
    userId: String(user.id),
    event: "Account Created",
    properties: { email, plan: "free" },
  });

  await axios.post("http://billing.internal:8080/api/customers", { userId: user.id, email });

  const since = new Date(Date.now() - ONE_DAY_MS);
  const emailCount = await prisma.verificationEmail.count({ where: { sentAt: { gte: since } } });
  logger.debug(`verification emails sent in the last 24h: ${emailCount}`);

  const marketingId = createHash("sha256").update(email).digest("hex");
  res.cookie(MARKETING_COOKIE, marketingId, { maxAge: 180 * ONE_DAY_MS, sameSite: "lax" });
  return res.status(201).json({ id: user.id });
});

authRouter.post("/login", async (req: Request, res: Response) => {
  const email = String(req.body.email ?? "").trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || !(await bcrypt.compare(String(req.body.password ?? ""), user.passwordHash))) {
    logger.warn(`failed login for ${email} from ${req.ip}`);
    return res.status(401).json({ error: "invalid email or password" });
  }

  const sessionId = randomBytes(32).toString("hex");
  await prisma.session.create({ data: { id: sessionId, userId: user.id, ip: req.ip ?? "" } });
  logger.info("login ok", { userId: user.id });

  res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, secure: true, sameSite: "lax" });
  if (req.body.remember === true) {
    res.cookie(REMEMBER_COOKIE, email, { maxAge: 30 * ONE_DAY_MS, secure: true });
  }
  analytics.identify({ userId: String(user.id), traits: { email: user.email, lastIp: req.ip } });
  return res.json({ id: user.id });
});
