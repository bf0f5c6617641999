import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import neo4j from 'neo4j-driver';

@Controller()
class C { @Get('x') x() { return { ok: true, n: typeof neo4j.int }; } }
@Module({ controllers: [C] })
class M {}
async function main() {
  const app = await NestFactory.create<NestFastifyApplication>(M, new FastifyAdapter());
  await app.listen(3999, '127.0.0.1');
  const r = await fetch('http://127.0.0.1:3999/x'); console.log(await r.text());
  await app.close();
}
main();
