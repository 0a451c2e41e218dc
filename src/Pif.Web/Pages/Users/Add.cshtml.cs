using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Users;

public sealed class AddModel(AppDbContext db, CurrentUser current, UsersService service, HeldSecrets held) : PageModel
{
    [BindProperty]
    public AddUserInput Input { get; set; } = new();

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null || !access.AllowsAnywhere(OrganisationsPermissions.ManageUsers))
        {
            return Forbid();
        }

        Organisations = await ManageableOrganisations.ListAsync(db, access, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null || !access.AllowsAnywhere(OrganisationsPermissions.ManageUsers))
        {
            return Forbid();
        }

        Organisations = await ManageableOrganisations.ListAsync(db, access, cancellationToken);
        if (Organisations.Count == 1)
        {
            Input.OrganisationId = Organisations[0].Id;
        }

        this.AddErrors(new AddUserValidator(Organisations).Validate(Input));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await service.AddAsync(access, new NewUser(Input.DisplayName, Input.Email, Input.OrganisationId!.Value, Input.Roles), cancellationToken);
        if (result.UserId is null)
        {
            this.AddError($"{nameof(Input)}.{nameof(Input.Email)}", access.IsNationalAdministrator()
                ? "This e-mail address already has an account: find that user and give them a role instead"
                : "This e-mail address already has an account: ask a national administrator to give the person a role in your organisation");
            return Page();
        }

        await held.HoldAsync(access.UserId, HeldSecrets.OneTimePassword(result.UserId.Value), result.OneTimePassword!, cancellationToken);
        return RedirectToPage("/Users/Added", new { id = result.UserId });
    }

    public sealed class AddUserInput
    {
        public string DisplayName { get; set; } = "";

        public string Email { get; set; } = "";

        public Guid? OrganisationId { get; set; }

        public List<OrganisationRole> Roles { get; set; } = [];
    }

    private sealed class AddUserValidator : AbstractValidator<AddUserInput>
    {
        public AddUserValidator(IReadOnlyList<OrganisationChoice> organisations)
        {
            RuleFor(i => i.DisplayName).NotEmpty().WithMessage("Enter the person's full name")
                .MaximumLength(PifUser.DisplayNameMaxLength).WithMessage($"Enter a name of {PifUser.DisplayNameMaxLength} characters or fewer");
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter the person's work e-mail address")
                .EmailAddress().WithMessage("Enter an e-mail address in the right format, like name@council.gov.uk")
                .MaximumLength(PifUser.EmailMaxLength).WithMessage($"Enter an e-mail address of {PifUser.EmailMaxLength} characters or fewer");
            RuleFor(i => i.OrganisationId).Must(id => organisations.Any(o => o.Id == id)).WithMessage("Choose the organisation the person works for");
            RuleFor(i => i.Roles).NotEmpty().WithMessage("Choose at least one role");
            RuleFor(i => i.Roles)
                .Must((input, roles) => organisations.FirstOrDefault(o => o.Id == input.OrganisationId) is not { } organisation
                    || roles.All(r => OrganisationRoles.IsValidFor(r, organisation.Kind)))
                .WithMessage("Choose roles that the organisation can grant: national administrator and link inspector in the Care Inspectorate, the others in a council");
        }
    }
}
