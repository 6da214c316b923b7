import { PrismaClient } from "@prisma/client";
import { Analytics } from "@segment/analytics-node";
import Stripe from "stripe";

export const prisma = new PrismaClient();

export const analytics = new Analytics({
  writeKey: process.env.SEGMENT_WRITE_KEY ?? "",
  flushAt: 20,
});

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
