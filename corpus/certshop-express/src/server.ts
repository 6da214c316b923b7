import cookieParser from "cookie-parser";
import express, { type NextFunction, type Request, type Response } from "express";

import { analytics, prisma } from "./lib/clients";
import { logger } from "./lib/logger";
import { authRouter } from "./routes/auth";
import { newsletterRouter } from "./routes/newsletter";
import { ordersRouter } from "./routes/orders";

const app = express();
app.set("trust proxy", 1);
app.use(express.json({ limit: "64kb" }));
app.use(cookieParser());

app.use((req: Request, res: Response, next: NextFunction) => {
  const started = Date.now();
  res.on("finish", () => {
    logger.info("request", {
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ip: req.ip,
      ms: Date.now() - started,
    });
  });
  next();
});

app.use("/api/auth", authRouter);
app.use("/api", ordersRouter);
app.use("/api", newsletterRouter);

app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  logger.error(err.message, { path: req.path, stack: err.stack });
  res.status(500).json({ error: "internal error" });
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => logger.info(`certshop listening on :${port}`));

process.on("SIGTERM", async () => {
  server.close();
  await analytics.closeAndFlush();
  await prisma.$disconnect();
});
