global using Zhifa.Core.Data;
global using Zhifa.Core.Modules;
global using Zhifa.Web.Common;
