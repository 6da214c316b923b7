import axios from "axios";
import { Router, type Request, type Response } from "express";

import { analytics, prisma, stripe } from "../lib/clients";
import { logger } from "../lib/logger";
import { requireSession } from "./auth";

export const ordersRouter = Router();

const VALIDATION_QUEUE_URL = "http://localhost:8080/internal/validation-jobs";
const SITE_URL = process.env.SITE_URL ?? "https://www.certone.io";

ordersRouter.get("/products", async (_req: Request, res: Response) => {
  const products = await prisma.product.findMany({ orderBy: { priceCents: "asc" } });
  res.json(products.map((p) => ({ id: p.id, name: p.name, price: p.priceCents / 100 })));
});

// Certificate order. The admin contact receives the domain-validation email.
ordersRouter.post("/orders", requireSession, async (req: Request, res: Response) => {
  const userId: number = res.locals.userId;
  const years = Math.min(Math.max(Number(req.body.years ?? 1), 1), 3);
  const adminEmail = String(req.body.adminEmail ?? "").trim();
  const adminPhone = String(req.body.adminPhone ?? "").trim();
  const product = await prisma.product.findUniqueOrThrow({ where: { id: Number(req.body.productId) } });

  const order = await prisma.order.create({
    data: { userId, productId: product.id, years, adminEmail, adminPhone, status: "pending_payment" },
  });
  logger.info(`order ${order.id} created for ${product.name}`);

  analytics.track({
    userId: String(userId),
    event: "Order Placed",
    properties: { orderId: order.id, product: product.name, revenue: (product.priceCents * years) / 100 },
  });

  const checkout = await stripe.checkout.sessions.create({
    mode: "payment",
    customer_email: adminEmail,
    line_items: [{ price: product.stripePriceId, quantity: years }],
    success_url: `${SITE_URL}/orders/${order.id}?paid=1`,
    cancel_url: `${SITE_URL}/orders/${order.id}`,
  });

  await axios.post(VALIDATION_QUEUE_URL, { orderId: order.id, adminEmail });
  // Prefills the admin contact on the next order form.
  res.cookie("co_order_contact", adminEmail, { maxAge: 365 * 24 * 60 * 60 * 1000, secure: true, sameSite: "lax" });
  return res.status(201).json({ id: order.id, checkoutUrl: checkout.url });
});

ordersRouter.get("/orders/:id", requireSession, async (req: Request, res: Response) => {
  const order = await prisma.order.findFirst({
    where: { id: Number(req.params.id), userId: res.locals.userId },
  });
  if (!order) {
    return res.status(404).json({ error: "order not found" });
  }
  return res.json({ id: order.id, status: order.status, years: order.years });
});
