using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>What a user may do with the national outcome sets: everyone signed in reads them; a national administrator loads a later set.</summary>
public static class NationalOutcomePermissions
{
    public static bool LoadsSets(UserAccess access) => access?.IsNationalAdministrator() == true;
}
