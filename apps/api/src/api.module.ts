import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type Boot, CoreModule } from '@portal/runtime';

/** The HTTP API: portal, support and audit routes over the command and query buses. */
@Module({})
export class ApiModule {
  static forRoot(boot: Boot): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(boot), CqrsModule.forRoot()],
    };
  }
}
