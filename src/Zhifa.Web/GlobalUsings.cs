// The kernel every feature builds on (Core: the database and the caller's access, the module contract; Web: its module contract).
global using Zhifa.Core.Data;
global using Zhifa.Core.Modules;
global using Zhifa.Web.Modules;
global using Zhifa.Web.Common;
