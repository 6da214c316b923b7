import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const router = express.Router();

router.post('/verify', async (req, res) => {
  const faceImage: string = req.body.faceImage;
  await prisma.faceCheck.create({ data: { faceImage } });
  res.send('ok');
});
